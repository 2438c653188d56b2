import Plot

/// The page shown for any refused or failed request, with the HTTP status it came with.
struct ErrorPage {
    var error: AppError

    func render(_ page: PageContext) -> HTML {
        Layout.page(
            error.title, page,
            .div(
                .class("card"),
                .h1(.text(error.title)),
                .p(.text(error.message)),
                .p(
                    .a(.class("button"), .href("/"), "Go to your home page"),
                    .if(page.user == nil, .a(.class("button secondary"), .href("/login"), "Sign in"))
                )
            )
        )
    }
}
