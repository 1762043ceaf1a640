/*
 * Fail Forward - "Have we failed like this before?" while an experiment or incident is written:
 * FailForward.similar.attach({fields, kind, project, exclude, after, baseUrl, learnings}) asks
 * POST /rest/failforward/1.0/similar a moment after typing stops in any of the fields (the text of all of them) and
 * lists, after the element `after`, the most similar past failures the user may see: key (a link), summary, and the
 * terms they share. With `learnings` (a new experiment) each match shows its newest learnings: what we already know.
 * A polite status line announces how many were found; the list itself is plain text and links in the page (keyboard
 * and screen reader reach it like any other content). Text only (textContent), never HTML. Nothing is saved.
 */
(function (global) {
    'use strict';

    var DELAY_MS = 600;
    var MIN_TEXT = 12;
    var MAX_TEXT = 20000;
    var counter = 0;

    var TEXT = {
        title: AJS.I18n.getText('failforward.similar.js.title'),
        found: AJS.I18n.getText('failforward.similar.js.found'),
        none: AJS.I18n.getText('failforward.similar.js.none'),
        shares: AJS.I18n.getText('failforward.similar.js.shares'),
        known: AJS.I18n.getText('failforward.similar.js.known'),
        building: AJS.I18n.getText('failforward.similar.js.building')
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

    function value(getter) {
        return typeof getter === 'function' ? getter() : getter;
    }

    /** The list of matches as a section (also used by the issue view, which loads it once). */
    function render(box, json, baseUrl, options) {
        box.textContent = '';
        var matches = (json && json.matches) || [];
        var index = (json && json.index) || {};
        if (!matches.length) {
            if (index.state === 'building') {
                box.hidden = false;
                box.appendChild(el('p', 'ff-similar-building', TEXT.building.replace('{0}', String(index.percent))));
            } else {
                box.hidden = !options.showNone;
                if (options.showNone) {
                    box.appendChild(el('p', 'ff-similar-none', TEXT.none));
                }
            }
            return 0;
        }
        box.hidden = false;
        if (options.title !== false) {
            box.appendChild(el('strong', 'ff-similar-title', TEXT.title));
        }
        var list = el('ul', 'ff-similar-list');
        matches.forEach(function (m) {
            var item = el('li', 'ff-similar-match');
            item.setAttribute('data-ff-similar', m.key);
            var a = el('a', 'ff-similar-key', m.key);
            a.href = baseUrl + m.url;
            item.appendChild(a);
            item.appendChild(el('span', 'ff-similar-summary', ' ' + m.summary));
            if (m.reasons && m.reasons.length) {
                item.appendChild(el('span', 'ff-similar-reasons', ' ' + TEXT.shares.replace('{0}', m.reasons.join(', '))));
            }
            if (m.learnings && m.learnings.length) {
                var known = el('ul', 'ff-similar-learnings');
                known.setAttribute('aria-label', TEXT.known.replace('{0}', m.key));
                m.learnings.forEach(function (l) {
                    known.appendChild(el('li', null, l.text));
                });
                item.appendChild(el('span', 'ff-similar-known', ' ' + TEXT.known.replace('{0}', m.key)));
                item.appendChild(known);
            }
            list.appendChild(item);
        });
        box.appendChild(list);
        return matches.length;
    }

    function attach(options) {
        var fields = (options.fields || []).filter(function (f) {
            return f && !f.getAttribute('data-ff-similar-field');
        });
        if (!fields.length || !options.after) {
            return null;
        }
        var baseUrl = options.baseUrl || '';
        var box = el('section', 'ff-similar');
        box.id = 'ff-similar-' + (++counter);
        box.hidden = true;
        var live = el('span', 'ff-similar-live');
        live.setAttribute('role', 'status');
        live.setAttribute('aria-live', 'polite');
        options.after.parentNode.insertBefore(box, options.after.nextSibling);
        options.after.parentNode.insertBefore(live, box);
        fields.forEach(function (f) {
            f.setAttribute('data-ff-similar-field', box.id);
        });
        var timer = null;
        var asked = null;

        function text() {
            return fields.map(function (f) {
                return (f.value || '').trim();
            }).filter(function (t) {
                return t;
            }).join('\n');
        }

        function check() {
            var current = text();
            if (current === asked) {
                return;
            }
            asked = current;
            if (current.length < MIN_TEXT || current.length > MAX_TEXT) {
                render(box, null, baseUrl, {});
                live.textContent = '';
                return;
            }
            var body = {text: current, max: 5};
            var kind = value(options.kind);
            if (kind) {
                body.kind = kind;
            }
            var project = value(options.project);
            if (project) {
                body.project = project;
            }
            var exclude = value(options.exclude);
            if (exclude) {
                body.exclude = exclude;
            }
            if (options.learnings) {
                body.withLearnings = true;
            }
            fetch(baseUrl + '/rest/failforward/1.0/similar', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                body: JSON.stringify(body)
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (json) {
                // only the answer for what the fields still hold: a slow answer to older text is dropped
                if (json && text() === current) {
                    var n = render(box, json, baseUrl, {});
                    live.textContent = n ? TEXT.found.replace('{0}', String(n)) : '';
                }
            }).catch(function () {
                // nothing shown when the search is unreachable; saving never depends on it
            });
        }

        fields.forEach(function (f) {
            f.addEventListener('input', function () {
                global.clearTimeout(timer);
                timer = global.setTimeout(check, DELAY_MS);
            });
        });
        if (text()) {
            check();
        }
        return box;
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.similar = {attach: attach, render: render};
}(window));
