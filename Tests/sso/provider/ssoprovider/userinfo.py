"""OIDC_USERINFO: the standard claims of a user (userinfo endpoint, and the ID token as
OIDC_IDTOKEN_INCLUDE_CLAIMS is on). Which ones are sent depends on the scopes asked: `email`, `profile`."""


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["preferred_username"] = user.get_username()
    claims["name"] = user.get_full_name() or user.get_username()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    return claims
