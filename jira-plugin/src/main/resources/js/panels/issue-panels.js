/*
 * Fail Forward issue-view panels: a live countdown of the 24-hour rule. The server renders the deadline and the time
 * left when the page was built; this only keeps "time left" current. Text only (textContent), no HTML.
 */
(function () {
    'use strict';

    function format(ms) {
        if (ms <= 0) {
            return '0h 00m';
        }
        var minutes = Math.floor(ms / 60000);
        var hours = Math.floor(minutes / 60);
        var rest = minutes % 60;
        return hours + 'h ' + (rest < 10 ? '0' : '') + rest + 'm';
    }

    function tick() {
        var cells = document.querySelectorAll('[data-ff-countdown]');
        for (var i = 0; i < cells.length; i++) {
            var deadline = Date.parse(cells[i].getAttribute('data-ff-countdown'));
            if (!isNaN(deadline)) {
                cells[i].textContent = format(deadline - Date.now());
            }
        }
    }

    function start() {
        tick();
        window.setInterval(tick, 30000);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
