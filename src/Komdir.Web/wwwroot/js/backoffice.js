// Asks before a link click leaves a screen with unsaved changes (the editor marks its form data-unsaved="true").
// Blazor's NavigationLock cannot do this here: without an interactive router, link clicks are enhanced navigations,
// which by design never reach location-changing handlers, so the editor's changes were lost without a word.
// Listening in the capture phase on window runs before Blazor's own click handling, so a "no" stops the navigation.
(() => {
    if (window.komdirLeaveGuard) {
        return;
    }

    window.komdirLeaveGuard = true;
    const question = "Du har ændringer, der ikke er gemt. Vil du forlade siden alligevel?";
    window.addEventListener("click", event => {
        const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (!link || event.defaultPrevented || event.button !== 0 || link.target === "_blank" || link.hasAttribute("download")) {
            return;
        }

        const url = new URL(link.href, document.baseURI);
        const samePage = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
        if (samePage || !document.querySelector("[data-unsaved='true']")) {
            return;
        }

        if (!window.confirm(question)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);
})();
