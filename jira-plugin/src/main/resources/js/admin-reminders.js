/*
 * Fail Forward admin page, follow-up reminders section: GET /rest/failforward/1.0/followups/settings fills the form,
 * Save PUTs it back; a refused field shows the server's message under it. Text comes from the page (rendered from
 * i18n) and from the server's error bodies, through textContent only.
 */
(function (start) {
    'use strict';
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(function () {
    'use strict';

    var section = document.querySelector('.ff-admin-reminders');
    var setup = document.querySelector('.ff-admin-setup');
    if (!section || !setup) {
        return;
    }
    var url = setup.getAttribute('data-context-path') + '/rest/failforward/1.0/followups/settings';
    var form = document.getElementById('ff-reminders-form');
    var state = document.getElementById('ff-reminders-state');
    var enabled = document.getElementById('ff-reminders-enabled');
    var daysAhead = document.getElementById('ff-reminders-daysahead');
    var leadAfter = document.getElementById('ff-reminders-leadafter');
    var errors = {
        daysAhead: document.getElementById('ff-reminders-daysahead-error'),
        leadAfterDays: document.getElementById('ff-reminders-leadafter-error')
    };

    function fill(settings) {
        enabled.checked = Boolean(settings.enabled);
        daysAhead.value = String(settings.daysAhead);
        leadAfter.value = String(settings.leadAfterDays);
    }

    function clearErrors() {
        Object.keys(errors).forEach(function (field) {
            errors[field].textContent = '';
        });
    }

    function number(input) {
        return input.value.trim() === '' || isNaN(Number(input.value)) ? input.value : Number(input.value);
    }

    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(fill)
        .catch(function () { state.textContent = form.getAttribute('data-failed'); });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearErrors();
        state.textContent = '';
        fetch(url, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: JSON.stringify({enabled: enabled.checked, daysAhead: number(daysAhead), leadAfterDays: number(leadAfter)})
        }).then(function (response) {
            return response.json().catch(function () { return null; }).then(function (body) {
                if (response.ok && body) {
                    fill(body);
                    state.textContent = form.getAttribute('data-saved');
                    return;
                }
                var shown = false;
                ((body && body.errors) || []).forEach(function (error) {
                    if (errors[error.field]) {
                        errors[error.field].textContent = error.message;
                        shown = true;
                    }
                });
                state.textContent = shown ? '' : ((body && body.message) || form.getAttribute('data-failed'));
            });
        }).catch(function () { state.textContent = form.getAttribute('data-failed'); });
    });
}));
