// A header checkbox with data-select-all="NAME" ticks or clears every checkbox named NAME on the page.
document.addEventListener('change', (event) => {
    const all = event.target.closest('input[data-select-all]');
    if (!all) {
        return;
    }

    document.querySelectorAll(`input[type=checkbox][name="${CSS.escape(all.dataset.selectAll)}"]`).forEach((box) => {
        box.checked = all.checked;
    });
});
