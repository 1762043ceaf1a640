/*
 * Fail Forward - the issue view's award panel: "Nominate as most valuable failure" with a reason, sent to
 *   POST /rest/failforward/1.0/awards/nominations {"scope":"instance","record":"OPS-1","reason":"…"}
 * 201: the form is replaced by the "Nominated" badge; 400/404/409: the server's message under the reason field.
 * The panel (templates/panels/award-panel.vm) renders the badges and the form; this only sends it. Server text only
 * reaches the page through textContent.
 */
(function () {
    'use strict';

    var TEXT = {
        sending: AJS.I18n.getText('failforward.award.panel.sending'),
        error: AJS.I18n.getText('failforward.award.panel.error')
    };

    function message(body, fallback) {
        if (body && body.errors && body.errors.length && body.errors[0].message) {
            return body.errors[0].message;
        }
        return body && body.message ? body.message : fallback;
    }

    function bind(form) {
        if (form.getAttribute('data-ff-bound')) {
            return;
        }
        form.setAttribute('data-ff-bound', 'true');
        var reason = form.querySelector('textarea[name=reason]');
        var scope = form.querySelector('select[name=scope]');
        var error = form.querySelector('.error');
        var submit = form.querySelector('button[type=submit]');
        var label = submit.textContent;
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            error.textContent = '';
            reason.removeAttribute('aria-invalid');
            submit.disabled = true;
            submit.textContent = TEXT.sending;
            fetch(form.getAttribute('data-ff-base') + '/rest/failforward/1.0/awards/nominations', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json',
                    'X-Atlassian-Token': 'no-check'},
                body: JSON.stringify({scope: scope ? scope.value : 'instance',
                    record: form.getAttribute('data-ff-award-nominate'), reason: reason.value})
            }).then(function (response) {
                return response.json().catch(function () {
                    return null;
                }).then(function (body) {
                    if (response.status === 201) {
                        var badge = document.createElement('p');
                        badge.className = 'ff-award-badges';
                        var span = document.createElement('span');
                        span.className = 'ff-award-badge ff-award-badge-nominee';
                        span.setAttribute('data-ff-award-badge', 'nominee');
                        span.setAttribute('data-ff-award', body.award);
                        span.textContent = form.getAttribute('data-ff-nominated');
                        badge.appendChild(span);
                        form.parentNode.replaceChild(badge, form);
                        return;
                    }
                    submit.disabled = false;
                    submit.textContent = label;
                    reason.setAttribute('aria-invalid', 'true');
                    error.textContent = message(body, TEXT.error);
                });
            }, function () {
                submit.disabled = false;
                submit.textContent = label;
                error.textContent = TEXT.error;
            });
        });
    }

    function bindAll() {
        Array.prototype.forEach.call(document.querySelectorAll('form[data-ff-award-nominate]'), bind);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', bindAll);
    } else {
        bindAll();
    }
    if (window.JIRA && JIRA.bind && JIRA.Events && JIRA.Events.NEW_CONTENT_ADDED) {
        JIRA.bind(JIRA.Events.NEW_CONTENT_ADDED, bindAll);
    }
}());
