/*
 * Fail Forward - live hypothesis check.
 *
 * FailForward.hypothesisCheck.attach(textarea, panel) sends the text to POST /rest/failforward/1.0/hypotheses/check
 * while the user types (debounced, earlier requests aborted) and shows the parts and findings in panel. User text only
 * ever reaches the page through textContent. Labels come from the plugin's i18n bundle through the jsI18n transformer.
 */
(function (global) {
    'use strict';

    var DEBOUNCE_MS = 250;

    var LABELS = {
        condition: AJS.I18n.getText('failforward.hypothesis.ui.condition'),
        expectedOutcome: AJS.I18n.getText('failforward.hypothesis.ui.outcome'),
        rationale: AJS.I18n.getText('failforward.hypothesis.ui.rationale'),
        none: AJS.I18n.getText('failforward.hypothesis.ui.none'),
        ok: AJS.I18n.getText('failforward.hypothesis.ui.ok'),
        checking: AJS.I18n.getText('failforward.hypothesis.ui.checking'),
        unavailable: AJS.I18n.getText('failforward.hypothesis.ui.unavailable'),
        ERROR: AJS.I18n.getText('failforward.hypothesis.ui.error'),
        WARNING: AJS.I18n.getText('failforward.hypothesis.ui.warning')
    };

    function contextPath() {
        return global.AJS && typeof global.AJS.contextPath === 'function' ? global.AJS.contextPath() : '';
    }

    function el(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined && content !== null) {
            node.textContent = content;
        }
        return node;
    }

    function renderResult(panel, result) {
        panel.textContent = '';
        panel.setAttribute('data-acceptable', String(result.acceptable));

        var parts = el('dl', 'ff-hypothesis-parts');
        ['condition', 'expectedOutcome', 'rationale'].forEach(function (name) {
            parts.appendChild(el('dt', null, LABELS[name]));
            var value = result.parts[name];
            parts.appendChild(el('dd', value ? 'ff-part-' + name : 'ff-part-' + name + ' ff-missing', value || LABELS.none));
        });
        panel.appendChild(parts);

        if (result.findings.length === 0) {
            panel.appendChild(el('p', 'ff-hypothesis-ok', LABELS.ok));
            return;
        }
        var list = el('ul', 'ff-hypothesis-findings');
        result.findings.forEach(function (finding) {
            var item = el('li', 'ff-finding ff-' + finding.severity.toLowerCase());
            item.setAttribute('data-code', finding.code);
            item.appendChild(el('strong', null, LABELS[finding.severity] + ': '));
            item.appendChild(document.createTextNode(finding.message));
            list.appendChild(item);
        });
        panel.appendChild(list);
    }

    function renderErrors(panel, body) {
        panel.textContent = '';
        panel.setAttribute('data-acceptable', 'false');
        var list = el('ul', 'ff-hypothesis-findings');
        var errors = body && body.errors && body.errors.length ? body.errors : [{message: (body && body.message) || LABELS.unavailable}];
        errors.forEach(function (error) {
            list.appendChild(el('li', 'ff-finding ff-error', error.message));
        });
        panel.appendChild(list);
    }

    function attach(textarea, panel, options) {
        var settings = options || {};
        var url = (settings.baseUrl !== undefined ? settings.baseUrl : contextPath()) + '/rest/failforward/1.0/hypotheses/check';
        var timer = null;
        var inFlight = null;

        function check() {
            if (inFlight) {
                inFlight.abort();
            }
            inFlight = new AbortController();
            panel.setAttribute('aria-busy', 'true');
            fetch(url, {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify({text: textarea.value}),
                signal: inFlight.signal
            }).then(function (response) {
                return response.json().then(function (body) {
                    panel.removeAttribute('aria-busy');
                    if (response.ok) {
                        renderResult(panel, body);
                    } else {
                        renderErrors(panel, body);
                    }
                });
            }).catch(function (error) {
                if (error.name !== 'AbortError') {
                    panel.removeAttribute('aria-busy');
                    renderErrors(panel, null);
                }
            });
        }

        textarea.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(check, DEBOUNCE_MS);
        });
        panel.setAttribute('aria-live', 'polite');
        check();
        return {check: check};
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.hypothesisCheck = {attach: attach};
}(window));
