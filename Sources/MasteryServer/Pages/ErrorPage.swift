import Plot

/// The page shown for any refused or failed request, with the HTTP status it came with, in the reader's language
/// and with their header when signed in.
struct ErrorPage {
    var error: AppError

    func render(_ page: PageContext) -> HTML {
        let t = page.t
        return Layout.page(
            t(error.title), page,
            .div(
                .class("card"),
                .h1(.text(t(error.title))),
                .p(.text(t.data(error.message))),
                .p(
                    .a(.class("button"), .href("/"), .text(t("Go to your home page"))),
                    .if(page.user == nil, .a(.class("button secondary"), .href("/login"), .text(t("Sign in"))))
                )
            )
        )
    }
}
