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

// The editor keeps what is typed (issue 9):
// - a text area marked data-send-when-idle tells the server its value after a pause in typing (a "change" event,
//   which Blazor's @onchange reads), so a long body crosses the circuit once per pause, not once per keystroke;
//   leaving the field sends it at once (the browser's own change event);
// - every field of a form marked data-keep-node is copied to localStorage as it is typed, so a lost connection, a
//   closed tab or a server restart does not lose it; the editor offers the copy back when the page opens again;
// - while the connection to the server is down the page is made inert (it cannot take clicks or typing that would
//   be silently lost) and the notice says the text is kept.
(() => {
    if (window.komdirEditor) {
        return;
    }

    const sendAfterIdleMs = 800;
    const backupAfterMs = 250;
    const idleTimers = new WeakMap();
    let backupTimer = 0;

    const storageKey = (node, owner) => `komdir.editor.${owner}.${node}`;
    const keptFormOf = element => element instanceof Element ? element.closest("form[data-keep-node]") : null;

    const fieldsOf = form => {
        const fields = {};
        for (const field of form.querySelectorAll("input[id], textarea[id], select[id]")) {
            fields[field.id] = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value;
        }

        return fields;
    };

    const backUp = form => {
        // keepHold: the editor is offering earlier edits back; they must not be overwritten before the answer.
        if (form.dataset.keepHold === "true" || (form.dataset.keepDirty !== "true" && !form.dataset.keepTyped)) {
            return;
        }

        try {
            localStorage.setItem(storageKey(form.dataset.keepNode, form.dataset.keepOwner), JSON.stringify({
                savedAtMs: Date.now(),
                basedOn: Number(form.dataset.keepVersion),
                fields: fieldsOf(form),
            }));
        } catch {
            // Storage full or switched off: the server's working copy still holds what reached it.
        }
    };

    const backUpAll = () => document.querySelectorAll("form[data-keep-node]").forEach(backUp);

    const onEdit = event => {
        const form = keptFormOf(event.target);
        if (!form) {
            return;
        }

        form.dataset.keepTyped = "true";
        clearTimeout(backupTimer);
        backupTimer = setTimeout(() => backUp(form), backupAfterMs);

        const field = event.target;
        if (event.type === "input" && field.matches("textarea[data-send-when-idle]")) {
            clearTimeout(idleTimers.get(field));
            idleTimers.set(field, setTimeout(() => {
                idleTimers.delete(field);
                field.dispatchEvent(new Event("change", { bubbles: true }));
            }, sendAfterIdleMs));
        }
    };

    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", event => {
        if (event.isTrusted) {
            // The browser sent the value on leaving the field: no pause-send is due any more.
            clearTimeout(idleTimers.get(event.target));
            idleTimers.delete(event.target);
            onEdit(event);
        }
    }, true);
    // A change the browser does not count as typing (the Markdown toolbar's) gets no change event on leaving the
    // field: send what is still waiting for its pause now, before a click on "Gem" is handled.
    document.addEventListener("focusout", event => {
        const field = event.target;
        if (field instanceof HTMLTextAreaElement && idleTimers.has(field)) {
            clearTimeout(idleTimers.get(field));
            idleTimers.delete(field);
            field.dispatchEvent(new Event("change", { bubbles: true }));
        }
    }, true);
    window.addEventListener("pagehide", backUpAll);

    window.komdirEditor = {
        readBackup: (node, owner) => localStorage.getItem(storageKey(node, owner)),
        clearBackup: (node, owner) => {
            localStorage.removeItem(storageKey(node, owner));
            const form = document.querySelector(`form[data-keep-node='${node}']`);
            if (form) {
                delete form.dataset.keepTyped;
            }
        },
    };

    // Blazor shows the connection's state by classes on #components-reconnect-modal (see BackofficeLayout).
    const connectionDown = modal => [...modal.classList].some(c => c.startsWith("components-reconnect-") && c !== "components-reconnect-hide");
    new MutationObserver(records => {
        for (const record of records) {
            if (!(record.target instanceof Element) || record.target.id !== "components-reconnect-modal") {
                continue;
            }

            const down = connectionDown(record.target);
            const main = document.getElementById("indhold");
            if (main && main.inert !== down) {
                if (down) {
                    backUpAll();
                }

                main.inert = down;
                if (down) {
                    record.target.focus();
                }
            }
        }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"], subtree: true });
})();

// Writing help (issue 10): the Markdown toolbar and its shortcuts (Ctrl+B bold, Ctrl+K link) wrap the selection in
// the text area, and "Titel" follows "Navn" while it is empty and untouched. Both change a field's text here and
// raise "input" as typing does, so the editor above sends it on the same pause/blur path; nothing goes per keystroke.
(() => {
    if (window.komdirWritingHelp) {
        return;
    }

    window.komdirWritingHelp = true;

    const replaceSelection = (field, text, selectFrom, selectTo) => {
        const start = field.selectionStart;
        field.setRangeText(text, start, field.selectionEnd, "end");
        field.setSelectionRange(start + selectFrom, start + selectTo);
        field.dispatchEvent(new Event("input", { bubbles: true }));
    };

    const wrap = (field, before, after, placeholder) => {
        const chosen = field.value.slice(field.selectionStart, field.selectionEnd) || placeholder;
        replaceSelection(field, before + chosen + after, before.length, before.length + chosen.length);
    };

    // Puts a prefix at the start of every selected line (a heading, list items).
    const prefixLines = (field, prefix) => {
        const value = field.value;
        const lineStart = value.lastIndexOf("\n", field.selectionStart - 1) + 1;
        const lineEnd = field.selectionEnd;
        field.setSelectionRange(lineStart, lineEnd);
        const lines = value.slice(lineStart, lineEnd).split("\n").map(line => line.startsWith(prefix) ? line : prefix + line);
        const text = lines.join("\n");
        replaceSelection(field, text, 0, text.length);
    };

    const link = field => {
        const chosen = field.value.slice(field.selectionStart, field.selectionEnd) || "linktekst";
        const text = `[${chosen}](https://)`;
        // The address is what is left to write: it is selected, ready to be typed over.
        replaceSelection(field, text, chosen.length + 3, text.length - 1);
    };

    const image = field => {
        const chosen = field.value.slice(field.selectionStart, field.selectionEnd) || "beskrivelse af billedet";
        const text = `![${chosen}](/media/)`;
        replaceSelection(field, text, chosen.length + 4, text.length - 1);
    };

    const actions = {
        bold: field => wrap(field, "**", "**", "fed tekst"),
        heading: field => prefixLines(field, "## "),
        list: field => prefixLines(field, "- "),
        link,
        image,
    };

    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest(".markdown-toolbar button[data-markdown]") : null;
        const toolbar = button?.closest(".markdown-toolbar");
        const field = toolbar ? document.getElementById(toolbar.getAttribute("aria-controls")) : null;
        const action = button ? actions[button.dataset.markdown] : null;
        if (!(field instanceof HTMLTextAreaElement) || !action || field.disabled) {
            return;
        }

        field.focus();
        action(field);
    });

    document.addEventListener("keydown", event => {
        const field = event.target;
        if (!(field instanceof HTMLTextAreaElement) || !field.hasAttribute("data-markdown-field") || !event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) {
            return;
        }

        const key = event.key.toLowerCase();
        if (key === "b" || key === "k") {
            event.preventDefault();
            (key === "b" ? actions.bold : actions.link)(field);
        }
    });

    // Titel follows Navn while it is empty and no one has typed in it (a trusted input event is a person typing).
    document.addEventListener("input", event => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement)) {
            return;
        }

        if (field.id === "prop-title" && event.isTrusted) {
            field.dataset.touched = "true";
            return;
        }

        const title = field.id === "node-name" ? document.getElementById("prop-title") : null;
        if (!(title instanceof HTMLInputElement) || title.dataset.touched === "true" || title.disabled) {
            return;
        }

        if (title.dataset.followsName !== "true") {
            if (title.value !== "") {
                return;
            }

            title.dataset.followsName = "true";
        }

        title.value = field.value.slice(0, title.maxLength > 0 ? title.maxLength : undefined);
        title.dispatchEvent(new Event("input", { bubbles: true }));
    });
})();
