/*
 * Fail Forward - the blameless-language check while text is written in Jira (issue-view panels, create and edit
 * screens): FailForward.blameless.attach(textarea, {baseUrl}) asks POST /rest/failforward/1.0/blameless/check a moment
 * after typing stops and shows, right under the field, the text with each blaming phrase marked and a list of the
 * findings with their suggestions. The list is plain text in the page, announced politely to screen readers and tied
 * to the field (aria-describedby); each finding's phrase is a button that selects that phrase in the field, so a
 * keyboard user reaches every suggestion without a mouse or a tooltip. Text only (textContent), never HTML.
 */
(function (global) {
    'use strict';

    var DELAY_MS = 400;
    var MAX_TEXT = 100000;
    var counter = 0;

    var TEXT = {
        title: AJS.I18n.getText('failforward.blameless.js.title'),
        ok: AJS.I18n.getText('failforward.blameless.js.ok'),
        found: AJS.I18n.getText('failforward.blameless.js.found'),
        select: AJS.I18n.getText('failforward.blameless.js.select'),
        suggestion: AJS.I18n.getText('failforward.blameless.js.suggestion')
    };

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    }

    /** The text with each finding's phrase in a mark (findings sorted by start, not overlapping). */
    function markedCopy(text, findings) {
        var p = el('p', 'ff-blame-marked');
        var at = 0;
        findings.forEach(function (f) {
            if (f.start < at || f.end > text.length) {
                return;
            }
            p.appendChild(document.createTextNode(text.substring(at, f.start)));
            var mark = el('mark', 'ff-blame-mark', text.substring(f.start, f.end));
            mark.setAttribute('title', f.suggestion);
            p.appendChild(mark);
            at = f.end;
        });
        p.appendChild(document.createTextNode(text.substring(at)));
        return p;
    }

    function attach(field, options) {
        if (!field || field.getAttribute('data-ff-blameless')) {
            return;
        }
        var baseUrl = (options && options.baseUrl) || '';
        var id = 'ff-blame-' + (++counter);
        field.setAttribute('data-ff-blameless', id);
        var box = el('div', 'ff-blame');
        box.id = id;
        box.hidden = true;
        // the count is announced (politely, once per answer); the findings themselves are read on demand
        var live = el('span', 'ff-blame-live');
        live.setAttribute('role', 'status');
        live.setAttribute('aria-live', 'polite');
        field.parentNode.insertBefore(box, field.nextSibling);
        field.parentNode.insertBefore(live, box);
        var described = field.getAttribute('aria-describedby');
        field.setAttribute('aria-describedby', described ? described + ' ' + id : id);

        var timer = null;
        var asked = null;

        function show(text, findings) {
            box.textContent = '';
            var had = live.textContent !== '';
            live.textContent = findings.length ? TEXT.found.replace('{0}', String(findings.length)) : (had ? TEXT.ok : '');
            if (!findings.length) {
                box.hidden = true;
                return;
            }
            box.hidden = false;
            box.appendChild(el('strong', 'ff-blame-title', TEXT.title + ' '
                + TEXT.found.replace('{0}', String(findings.length))));
            box.appendChild(markedCopy(text, findings));
            var list = el('ul', 'ff-blame-findings');
            findings.forEach(function (f) {
                var item = el('li', 'ff-blame-finding');
                item.setAttribute('data-code', f.code);
                var phrase = el('button', 'ff-blame-phrase aui-button aui-button-link', '"' + f.phrase + '"');
                phrase.type = 'button';
                phrase.setAttribute('aria-label', TEXT.select.replace('{0}', f.phrase));
                phrase.addEventListener('click', function () {
                    field.focus();
                    if (typeof field.setSelectionRange === 'function' && field.value.substring(f.start, f.end) === f.phrase) {
                        field.setSelectionRange(f.start, f.end);
                    }
                });
                item.appendChild(phrase);
                item.appendChild(el('span', 'ff-blame-message', ' ' + f.message + ' '));
                item.appendChild(el('span', 'ff-blame-suggestion', TEXT.suggestion + ' ' + f.suggestion));
                list.appendChild(item);
            });
            box.appendChild(list);
        }

        function check() {
            var text = field.value || '';
            if (text === asked) {
                return;
            }
            asked = text;
            if (!text.trim() || text.length > MAX_TEXT) {
                show(text, []);
                return;
            }
            fetch(baseUrl + '/rest/failforward/1.0/blameless/check', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify({text: text})
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (json) {
                // only the answer for what the field still holds: a slow answer to older text is dropped
                if (json && field.value === text) {
                    show(text, (json.findings || []).slice().sort(function (a, b) {
                        return a.start - b.start;
                    }));
                }
            }).catch(function () {
                // no marks when the check is unreachable; saving never depends on it
            });
        }

        field.addEventListener('input', function () {
            global.clearTimeout(timer);
            timer = global.setTimeout(check, DELAY_MS);
        });
        if (field.value) {
            check();
        }
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.blameless = {attach: attach};
}(window));
