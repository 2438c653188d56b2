/// Who may read or write what. Every decision in Masterly is made here, as a pure function of the actor's
/// role, the actor's relationship to the thing acted on, and the action.
public enum Access {}
