// Behaviour shared by every page. Each part works on markup conventions, so pages need no script of their own.
(() => {
    'use strict';

    // Confirmation before what cannot be undone: data-confirm="…" on the submit button (formaction buttons included)
    // or on the form. Listening in the capture phase on the document runs before htmx's own submit handler, so the
    // same check covers plain and htmx forms; "取消" stops the event before anything is sent.
    document.addEventListener('submit', event => {
        const text = event.submitter?.dataset.confirm ?? event.target.dataset.confirm;
        if (text && !window.confirm(text)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // The error summary's links move to their field; errors of fields the page does not show stay plain text.
    // By id (asp-for inputs), else by name; when several rows share the name, the one showing an error message.
    const fieldOf = link => {
        const named = [...document.getElementsByName(link.dataset.errorField)];
        const field = document.getElementById(link.hash.slice(1))
            ?? (named.length === 1 ? named[0] : named.find(element => element.closest('td, div')?.querySelector('.field-validation-error')));
        return field && field.type !== 'hidden' ? field : null;
    };
    document.querySelectorAll('[data-error-summary] a[data-error-field]').forEach(link => {
        const field = fieldOf(link);
        if (!field) {
            link.replaceWith(document.createTextNode(link.textContent));
            return;
        }

        link.addEventListener('click', event => {
            event.preventDefault();
            field.scrollIntoView({ block: 'center' });
            field.focus();
        });
    });

    // After a failed submit, focus goes to the error summary (screen readers read it) or else the first invalid field.
    const summary = document.querySelector('[data-error-summary]');
    const firstInvalid = document.querySelector('.input-validation-error, .is-invalid');
    (summary ?? firstInvalid)?.focus();

    // An htmx row that comes back with an error: focus the first field of the cell holding the message.
    document.addEventListener('htmx:afterSettle', event => {
        const message = [...event.target.querySelectorAll?.('.field-validation-error') ?? []]
            .find(element => element.textContent.trim().length > 0);
        message?.closest('td, div')?.querySelector('input, select, textarea')?.focus();
    });

    // htmx does not swap error responses: say what went wrong instead of leaving the click without an answer.
    document.addEventListener('htmx:responseError', event => {
        const xhr = event.detail.xhr;
        const page = new DOMParser().parseFromString(xhr.responseText ?? '', 'text/html');
        const heading = page.querySelector('main h1')?.textContent.trim() || '操作未能完成';
        const sentence = page.querySelector('main h1 + p')?.textContent.trim() ?? '';
        window.alert(`${heading}（错误代码 ${xhr.status}）\n${sentence}`);
    });
    document.addEventListener('htmx:sendError', () => window.alert('网络连接失败，操作未能完成，请检查网络后重试。'));

    // A submit button with data-busy-label: a long request (imports) disables it and shows its spinner and that label
    // until the answer arrives, so nobody sends the file twice. Runs after the data-confirm check above.
    document.addEventListener('submit', event => {
        const button = event.submitter;
        if (!button?.dataset.busyLabel) {
            return;
        }

        button.disabled = true;
        button.querySelector('.spinner-border')?.classList.remove('d-none');
        button.querySelector('[data-busy-text]').textContent = button.dataset.busyLabel;
    });

    // Live character count: <textarea data-count-to="id"> writes its length into the element with that id.
    document.querySelectorAll('textarea[data-count-to]').forEach(area => {
        const counter = document.getElementById(area.dataset.countTo);
        area.addEventListener('input', () => { counter.textContent = area.value.length; });
    });

    // Error pages: "返回上一页" uses the browser history when there is one.
    document.querySelectorAll('[data-history-back]').forEach(link => link.addEventListener('click', event => {
        if (window.history.length > 1) {
            event.preventDefault();
            window.history.back();
        }
    }));
})();
