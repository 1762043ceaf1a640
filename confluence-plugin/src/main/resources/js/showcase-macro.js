/*
 * Fail Forward - failure showcase macro, page view only: the print button. Everything else is printed by the server
 * (so PDF and Word exports carry it); this script adds nothing to the content.
 */
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var target = event.target;
        if (target && target.closest && target.closest('.ff-showcase-print')) {
            event.preventDefault();
            window.print();
        }
    });
}());
