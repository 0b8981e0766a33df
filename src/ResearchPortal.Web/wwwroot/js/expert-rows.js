// Rows are added and removed in place; without JavaScript the same buttons post the form to the server.
(() => {
    const rows = document.getElementById('expert-rows');
    const template = document.getElementById('expert-row-template');
    const total = document.getElementById('total-hours');

    const renumber = () => {
        rows.querySelectorAll('[data-expert-row]').forEach((row, index) => {
            row.querySelector('[data-row-number]').textContent = index + 1;
            row.querySelectorAll('input').forEach(input => {
                input.name = input.name.replace(/ExpertSessions\[[^\]]*\]/, `ExpertSessions[${index}]`);
            });
        });
    };
    const sum = () => {
        const hours = [...rows.querySelectorAll('[data-hours]')].reduce((acc, input) => acc + (parseFloat(input.value) || 0), 0);
        total.textContent = Math.round(hours * 100) / 100;
    };

    document.querySelector('[data-add-row]').addEventListener('click', event => {
        event.preventDefault();
        rows.appendChild(template.content.firstElementChild.cloneNode(true));
        renumber();
    });
    rows.addEventListener('click', event => {
        const button = event.target.closest('[data-remove-row]');
        if (button) {
            event.preventDefault();
            button.closest('[data-expert-row]').remove();
            renumber();
            sum();
        }
    });
    rows.addEventListener('input', sum);
    renumber();
})();
