// The statistics page's charts, each drawn from the table beside it (the table is the accessible source of the figures):
// <canvas data-chart="bar|stackedbar|doughnut" data-chart-table="table id" data-chart-series="1,2"> — the series are
// the table's value columns (0 = the first after the label column), all of them when data-chart-series is absent.
// Rows come from the table body, so the 合计 line in <tfoot> stays out of the chart.
(() => {
    'use strict';

    if (typeof Chart === 'undefined') {
        return;
    }

    const palette = ['#1f5fa8', '#d9822b', '#2e8b57', '#b03a48', '#7a5ca8', '#3f8f9e', '#9c8420', '#6c757d'];
    const valueOf = cell => (cell.dataset.value ? Number(cell.dataset.value) : null);

    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        const table = document.getElementById(canvas.dataset.chartTable);
        if (!table || !table.tHead || table.tBodies.length === 0) {
            return;
        }

        const kind = canvas.dataset.chart;
        const headers = [...table.tHead.rows[0].cells].slice(1).map(cell => cell.textContent.trim());
        const series = canvas.dataset.chartSeries
            ? canvas.dataset.chartSeries.split(',').map(Number)
            : headers.map((_, index) => index);
        const rows = [...table.tBodies[0].rows];
        const datasets = series.map((column, index) => ({
            label: headers[column],
            data: rows.map(row => valueOf(row.cells[column + 1])),
            backgroundColor: kind === 'doughnut' ? rows.map((_, rowIndex) => palette[rowIndex % palette.length]) : palette[index % palette.length],
        }));
        const stacked = kind === 'stackedbar';

        new Chart(canvas, {
            type: kind === 'doughnut' ? 'doughnut' : 'bar',
            data: { labels: rows.map(row => row.cells[0].textContent.trim()), datasets },
            options: {
                animation: false,
                maintainAspectRatio: false,
                indexAxis: stacked ? 'y' : 'x',
                // Whole numbers on the value axis: most figures are counts (precision does not round the bars).
                scales: kind === 'doughnut' ? {} : {
                    x: { stacked, beginAtZero: true, ticks: { precision: 0 } },
                    y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
                },
                plugins: { legend: { display: kind === 'doughnut' || datasets.length > 1 } },
            },
        });
    });
})();
