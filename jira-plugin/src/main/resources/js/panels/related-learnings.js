/*
 * Fail Forward issue view: learnings of similar past failures, on a new experiment or incident (rule-panel.vm's
 * [data-ff-related-for] box). Asks GET /rest/failforward/1.0/learnings/related/{issueKey} (the similar-failure search,
 * only records the reader may browse) and lists each learning with its record (key as a link, summary). "Apply here"
 * (for readers who may edit the issue) records the reuse: POST /rest/failforward/1.0/learnings/{id}/reuses with the
 * record's kind and this issue's key; the button then reads "Applied". Nothing at all is shown when there are no
 * related learnings. Text only (textContent), never HTML from data.
 */
(function (global) {
    'use strict';

    var REST = '/rest/failforward/1.0/learnings/';

    var TEXT = {
        title: AJS.I18n.getText('failforward.related.title'),
        from: AJS.I18n.getText('failforward.related.from'),
        apply: AJS.I18n.getText('failforward.related.apply'),
        applying: AJS.I18n.getText('failforward.related.applying'),
        applied: AJS.I18n.getText('failforward.related.applied'),
        failed: AJS.I18n.getText('failforward.related.failed')
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

    function appliedMark() {
        var mark = el('span', 'aui-lozenge aui-lozenge-success ff-related-applied', TEXT.applied);
        mark.setAttribute('data-ff-applied', 'true');
        return mark;
    }

    function render(box, json, base) {
        var items = (json && json.items) || [];
        box.textContent = '';
        if (!items.length) {
            box.hidden = true;
            return;
        }
        box.appendChild(el('h3', 'ff-panel-heading', TEXT.title));
        var status = el('p', 'ff-related-status');
        status.setAttribute('role', 'status');
        var list = el('ul', 'ff-related-list');
        items.forEach(function (item) {
            var row = el('li', 'ff-related-item');
            row.setAttribute('data-ff-learning', String(item.learningId));
            row.appendChild(el('p', 'ff-related-text', item.text));
            var from = el('p', 'ff-related-from');
            from.appendChild(document.createTextNode(TEXT.from + ' '));
            var link = el('a', 'ff-related-key', item.record.key);
            link.href = base + item.record.url;
            from.appendChild(link);
            from.appendChild(document.createTextNode(' ' + item.record.summary));
            row.appendChild(from);
            if (item.applied) {
                row.appendChild(appliedMark());
            } else if (json.canApply) {
                var apply = el('button', 'aui-button aui-button-compact ff-related-apply', TEXT.apply);
                apply.type = 'button';
                apply.addEventListener('click', function () {
                    apply.disabled = true;
                    apply.textContent = TEXT.applying;
                    status.textContent = '';
                    fetch(base + REST + encodeURIComponent(String(item.learningId)) + '/reuses', {
                        method: 'POST',
                        credentials: 'same-origin',
                        headers: {'Accept': 'application/json', 'Content-Type': 'application/json'},
                        body: JSON.stringify({kind: json.kind, target: json.issueKey})
                    }).then(function (response) {
                        if (response.ok) {
                            row.replaceChild(appliedMark(), apply);
                            return null;
                        }
                        return response.json().catch(function () {
                            return null;
                        }).then(function (body) {
                            apply.disabled = false;
                            apply.textContent = TEXT.apply;
                            status.textContent = body && body.errors && body.errors[0] && body.errors[0].message
                                ? body.errors[0].message : (body && body.message) || TEXT.failed;
                        });
                    }, function () {
                        apply.disabled = false;
                        apply.textContent = TEXT.apply;
                        status.textContent = TEXT.failed;
                    });
                });
                row.appendChild(apply);
            }
            list.appendChild(row);
        });
        box.appendChild(list);
        box.appendChild(status);
        box.hidden = false;
    }

    function load(root) {
        var boxes = (root && root.querySelectorAll ? root : document)
            .querySelectorAll('[data-ff-related-for]:not([data-ff-loaded])');
        Array.prototype.forEach.call(boxes, function (box) {
            box.setAttribute('data-ff-loaded', 'true');
            var base = box.getAttribute('data-ff-base') || '';
            fetch(base + REST + 'related/' + encodeURIComponent(box.getAttribute('data-ff-related-for')),
                {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (json) {
                    render(box, json, base);
                })
                .catch(function () {
                    box.hidden = true; // nothing shown when the search is unreachable
                });
        });
    }

    function start() {
        load(document);
        var jira = global.JIRA;
        if (jira && typeof jira.bind === 'function' && jira.Events && jira.Events.NEW_CONTENT_ADDED) {
            jira.bind(jira.Events.NEW_CONTENT_ADDED, function (event, context) {
                load(context && context[0] ? context[0] : document);
            });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(window));
