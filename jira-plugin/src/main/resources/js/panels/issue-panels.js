/*
 * Fail Forward issue-view panels (templates/panels/*.vm), progressive enhancement of the server-rendered lists:
 *  - a live countdown of the 24-hour rule ("time left");
 *  - for users who may edit the issue (data-ff-can-edit="true"): add, edit and delete learnings; add, edit, complete,
 *    check in, delete action items and turn one into a follow-up issue, in place, through /rest/failforward/1.0/records.
 *    Owners are chosen with a user picker over Jira's /rest/api/2/user/picker, dates with the browser's date picker;
 *    text fields get the blameless check's live marks (blameless-check.js). After a change the issue view is refreshed
 *    (Jira's REFRESH_ISSUE_PAGE, else a reload), so every count on the page is the server's; what was done is
 *    announced in the panel's status line.
 * Text only (textContent), never HTML from data.
 */
(function (global) {
    'use strict';

    var FLASH = 'failforward.panel.flash';
    var REST = '/rest/failforward/1.0/records/';

    var TEXT = {
        addLearning: AJS.I18n.getText('failforward.panel.js.learning.add'),
        addAction: AJS.I18n.getText('failforward.panel.js.action.add'),
        learning: AJS.I18n.getText('failforward.panel.js.learning.text'),
        kind: AJS.I18n.getText('failforward.panel.js.learning.kind'),
        description: AJS.I18n.getText('failforward.panel.js.action.description'),
        owner: AJS.I18n.getText('failforward.panel.js.action.owner'),
        ownerHint: AJS.I18n.getText('failforward.panel.js.action.owner.hint'),
        due: AJS.I18n.getText('failforward.panel.js.action.due'),
        type: AJS.I18n.getText('failforward.panel.js.action.type'),
        status: AJS.I18n.getText('failforward.panel.js.action.status'),
        checkInDate: AJS.I18n.getText('failforward.panel.js.action.checkin.date'),
        checkInDateHint: AJS.I18n.getText('failforward.panel.js.action.checkin.hint'),
        result: AJS.I18n.getText('failforward.panel.js.checkin.result'),
        note: AJS.I18n.getText('failforward.panel.js.checkin.note'),
        date: AJS.I18n.getText('failforward.panel.js.checkin.date'),
        save: AJS.I18n.getText('failforward.panel.js.save'),
        cancel: AJS.I18n.getText('failforward.panel.js.cancel'),
        edit: AJS.I18n.getText('failforward.panel.js.edit'),
        remove: AJS.I18n.getText('failforward.panel.js.delete'),
        done: AJS.I18n.getText('failforward.panel.js.done'),
        checkIn: AJS.I18n.getText('failforward.panel.js.checkin'),
        followUp: AJS.I18n.getText('failforward.panel.js.followup'),
        followUpProject: AJS.I18n.getText('failforward.panel.js.followup.project'),
        followUpIssue: AJS.I18n.getText('failforward.panel.js.followup.issue'),
        followUpNew: AJS.I18n.getText('failforward.panel.js.followup.new'),
        followUpLink: AJS.I18n.getText('failforward.panel.js.followup.link'),
        required: AJS.I18n.getText('failforward.panel.js.required'),
        confirmLearning: AJS.I18n.getText('failforward.panel.js.learning.confirmdelete'),
        confirmAction: AJS.I18n.getText('failforward.panel.js.action.confirmdelete'),
        learningAdded: AJS.I18n.getText('failforward.panel.js.learning.added'),
        learningSaved: AJS.I18n.getText('failforward.panel.js.learning.saved'),
        learningDeleted: AJS.I18n.getText('failforward.panel.js.learning.deleted'),
        actionAdded: AJS.I18n.getText('failforward.panel.js.action.added'),
        actionSaved: AJS.I18n.getText('failforward.panel.js.action.saved'),
        actionDone: AJS.I18n.getText('failforward.panel.js.action.donemessage'),
        actionDeleted: AJS.I18n.getText('failforward.panel.js.action.deleted'),
        checkedIn: AJS.I18n.getText('failforward.panel.js.checkin.saved'),
        followedUp: AJS.I18n.getText('failforward.panel.js.followup.saved'),
        recurrenceConfirmed: AJS.I18n.getText('failforward.panel.js.recurrence.confirmed'),
        recurrenceDismissed: AJS.I18n.getText('failforward.panel.js.recurrence.dismissed'),
        conflict: AJS.I18n.getText('failforward.panel.js.conflict'),
        failed: AJS.I18n.getText('failforward.panel.js.failed'),
        noUsers: AJS.I18n.getText('failforward.panel.js.nousers')
    };

    var KINDS = [
        ['INSIGHT', AJS.I18n.getText('failforward.failuredb.learningkind.insight')],
        ['SURPRISE', AJS.I18n.getText('failforward.failuredb.learningkind.surprise')],
        ['WENT_WELL', AJS.I18n.getText('failforward.failuredb.learningkind.went_well')],
        ['GOT_LUCKY', AJS.I18n.getText('failforward.failuredb.learningkind.got_lucky')]
    ];
    var TYPES = [
        ['PREVENT', AJS.I18n.getText('failforward.failuredb.actiontype.prevent')],
        ['MITIGATE', AJS.I18n.getText('failforward.failuredb.actiontype.mitigate')],
        ['DETECT', AJS.I18n.getText('failforward.failuredb.actiontype.detect')],
        ['PROCESS', AJS.I18n.getText('failforward.failuredb.actiontype.process')]
    ];
    var STATUSES = [
        ['OPEN', AJS.I18n.getText('failforward.failuredb.actionstatus.open')],
        ['DONE', AJS.I18n.getText('failforward.failuredb.actionstatus.done')],
        ['DROPPED', AJS.I18n.getText('failforward.failuredb.actionstatus.dropped')]
    ];
    var RESULTS = [
        ['EFFECTIVE', AJS.I18n.getText('failforward.failuredb.checkinresult.effective')],
        ['PARTLY', AJS.I18n.getText('failforward.failuredb.checkinresult.partly')],
        ['NOT_EFFECTIVE', AJS.I18n.getText('failforward.failuredb.checkinresult.not_effective')]
    ];

    var counter = 0;

    function uid(prefix) {
        counter += 1;
        return 'ff-' + prefix + '-' + counter;
    }

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

    function button(text, className, onClick) {
        var b = el('button', 'aui-button ' + (className || ''), text);
        b.type = 'button';
        if (onClick) {
            b.addEventListener('click', onClick);
        }
        return b;
    }

    function today() {
        var d = new Date();
        return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    }

    // ----- countdown of the 24-hour rule -----

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

    // ----- talking to the failure database -----

    function request(panel, method, path, body) {
        var url = panel.getAttribute('data-ff-base') + REST
            + encodeURIComponent(panel.getAttribute('data-ff-issue-key')) + path;
        var init = {method: method, credentials: 'same-origin', headers: {'Accept': 'application/json'}};
        if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return fetch(url, init).then(function (response) {
            return response.text().then(function (text) {
                var json = null;
                try {
                    json = text ? JSON.parse(text) : null;
                } catch (e) {
                    json = null;
                }
                return {status: response.status, json: json};
            });
        });
    }

    /** Refreshes the issue view so every count is the server's; the message is announced after the refresh. */
    function refresh(panel, message) {
        try {
            global.sessionStorage.setItem(FLASH, message);
        } catch (e) {
            // no session storage: the change is still visible in the refreshed panel
        }
        var jira = global.JIRA;
        if (jira && typeof jira.trigger === 'function' && jira.Events && jira.Events.REFRESH_ISSUE_PAGE
            && jira.Issue && typeof jira.Issue.getIssueId === 'function' && jira.Issue.getIssueId()) {
            jira.trigger(jira.Events.REFRESH_ISSUE_PAGE, [jira.Issue.getIssueId()]);
        } else {
            global.location.reload();
        }
    }

    function announce(panel, message) {
        var live = panel.querySelector('[data-ff-live]');
        if (live) {
            live.textContent = message;
        }
    }

    // ----- forms -----

    /** A labelled field: {row, input}; required fields carry Jira's required mark and aria-required. */
    function field(form, name, label, input, required, hint) {
        var row = el('div', 'field-group ff-field');
        var id = uid(name);
        input.id = id;
        input.name = name;
        var l = el('label', null, label);
        l.htmlFor = id;
        if (required) {
            var mark = el('span', 'aui-icon icon-required', TEXT.required);
            l.appendChild(document.createTextNode(' '));
            l.appendChild(mark);
            input.setAttribute('aria-required', 'true');
        }
        row.appendChild(l);
        row.appendChild(input);
        if (hint) {
            var description = el('div', 'description', hint);
            description.id = id + '-hint';
            input.setAttribute('aria-describedby', description.id);
            row.appendChild(description);
        }
        var error = el('div', 'error ff-field-error');
        error.id = id + '-error';
        error.setAttribute('data-ff-error-for', name);
        error.hidden = true;
        row.appendChild(error);
        form.appendChild(row);
        return input;
    }

    function select(options, value) {
        var s = el('select', 'select');
        options.forEach(function (o) {
            var option = el('option', null, o[1]);
            option.value = o[0];
            option.selected = o[0] === value;
            s.appendChild(option);
        });
        return s;
    }

    function textarea(value) {
        var t = el('textarea', 'textarea ff-lines');
        t.rows = 3;
        t.value = value || '';
        return t;
    }

    function dateInput(value) {
        var d = el('input', 'text ff-date');
        d.type = 'date';
        d.value = value || '';
        return d;
    }

    function clearErrors(form) {
        Array.prototype.forEach.call(form.querySelectorAll('[data-ff-error-for]'), function (error) {
            error.textContent = '';
            error.hidden = true;
        });
        Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (input) {
            input.removeAttribute('aria-invalid');
        });
        var general = form.querySelector('.ff-form-error');
        if (general) {
            general.textContent = '';
            general.hidden = true;
        }
    }

    /** Shows a 400's errors under their fields (the first invalid field gets the focus); others at the form's top. */
    function showErrors(form, result) {
        var errors = result.json && result.json.errors ? result.json.errors : [];
        var first = null;
        var general = [];
        if (result.status === 409) {
            general.push(TEXT.conflict);
        }
        errors.forEach(function (e) {
            var holder = e.field ? form.querySelector('[data-ff-error-for="' + e.field + '"]') : null;
            var input = e.field ? form.querySelector('[name="' + e.field + '"]') : null;
            if (holder) {
                holder.textContent = holder.textContent ? holder.textContent + ' ' + e.message : e.message;
                holder.hidden = false;
                if (input) {
                    input.setAttribute('aria-invalid', 'true');
                    var ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
                    if (ids.indexOf(holder.id) < 0) {
                        ids.push(holder.id);
                        input.setAttribute('aria-describedby', ids.join(' '));
                    }
                    first = first || input;
                }
            } else {
                general.push(e.message || '');
            }
        });
        if (!errors.length && result.status !== 409) {
            general.push(result.json && result.json.message ? result.json.message : TEXT.failed);
        }
        if (general.length) {
            var box = form.querySelector('.ff-form-error');
            box.textContent = general.join(' ');
            box.hidden = false;
            first = first || box;
        }
        if (first) {
            first.focus();
        }
    }

    function form(className, onCancel) {
        var f = el('form', 'aui ff-panel-form ' + className);
        f.noValidate = true;
        var error = el('div', 'aui-message aui-message-error ff-form-error');
        error.setAttribute('role', 'alert');
        error.tabIndex = -1;
        error.hidden = true;
        f.appendChild(error);
        f.finish = function (saveText) {
            var buttons = el('div', 'buttons-container ff-form-buttons');
            var save = el('button', 'aui-button aui-button-primary', saveText || TEXT.save);
            save.type = 'submit';
            buttons.appendChild(save);
            buttons.appendChild(button(TEXT.cancel, 'aui-button-link', function () {
                f.parentNode.removeChild(f);
                onCancel();
            }));
            f.appendChild(buttons);
        };
        f.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                f.parentNode.removeChild(f);
                onCancel();
            }
        });
        return f;
    }

    /** Sends the form's request; success refreshes the view with the message, failure shows the errors in place. */
    function submit(panel, f, method, path, body, message) {
        clearErrors(f);
        var save = f.querySelector('button[type="submit"]');
        save.disabled = true;
        save.setAttribute('aria-busy', 'true');
        request(panel, method, path, body).then(function (result) {
            if (result.status >= 200 && result.status < 300) {
                refresh(panel, message);
                return;
            }
            save.disabled = false;
            save.removeAttribute('aria-busy');
            showErrors(f, result);
        }).catch(function () {
            save.disabled = false;
            save.removeAttribute('aria-busy');
            showErrors(f, {status: 0, json: null});
        });
    }

    function blameless(panel, input) {
        if (global.FailForward && global.FailForward.blameless) {
            global.FailForward.blameless.attach(input, {baseUrl: panel.getAttribute('data-ff-base')});
        }
    }

    // ----- the user picker -----

    /**
     * A combobox over Jira's user picker REST resource: typing lists matching users (arrow keys move, Enter picks,
     * Escape closes); the field shows the chosen name and sends the user key. Typing without picking sends the text as
     * it is, which the server checks (400 naming "owner" when no user has that key).
     */
    function userPicker(panel, key, name) {
        var wrap = el('div', 'ff-user-picker');
        var input = el('input', 'text ff-user-picker-input');
        input.type = 'text';
        input.autocomplete = 'off';
        input.value = name || key || '';
        input.setAttribute('data-ff-user-key', key || '');
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        var list = el('ul', 'ff-user-picker-list');
        list.id = uid('users');
        list.setAttribute('role', 'listbox');
        list.hidden = true;
        input.setAttribute('aria-controls', list.id);
        wrap.appendChild(input);
        wrap.appendChild(list);
        var timer = null;
        var active = -1;

        function options() {
            return list.querySelectorAll('[role="option"]');
        }

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function pick(option) {
            input.value = option.getAttribute('data-name');
            input.setAttribute('data-ff-user-key', option.getAttribute('data-key'));
            close();
        }

        function highlight(index) {
            var all = options();
            if (!all.length) {
                return;
            }
            active = (index + all.length) % all.length;
            Array.prototype.forEach.call(all, function (o, i) {
                o.setAttribute('aria-selected', i === active ? 'true' : 'false');
            });
            input.setAttribute('aria-activedescendant', all[active].id);
        }

        function load() {
            var query = input.value.trim();
            if (!query) {
                close();
                return;
            }
            fetch(panel.getAttribute('data-ff-base') + '/rest/api/2/user/picker?maxResults=10&query='
                + encodeURIComponent(query), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return response.ok ? response.json() : {users: []};
                })
                .then(function (json) {
                    if (input.value.trim() !== query) {
                        return;
                    }
                    list.textContent = '';
                    var users = json && json.users ? json.users : [];
                    users.forEach(function (user) {
                        var userKey = user.key || user.name;
                        var option = el('li', 'ff-user-option', user.displayName + ' (' + user.name + ')');
                        option.id = uid('user');
                        option.setAttribute('role', 'option');
                        option.setAttribute('aria-selected', 'false');
                        option.setAttribute('data-key', userKey);
                        option.setAttribute('data-name', user.displayName);
                        option.addEventListener('mousedown', function (event) {
                            event.preventDefault();
                            pick(option);
                        });
                        list.appendChild(option);
                    });
                    if (!users.length) {
                        list.appendChild(el('li', 'ff-user-none', TEXT.noUsers));
                    }
                    list.hidden = false;
                    input.setAttribute('aria-expanded', 'true');
                    active = -1;
                })
                .catch(close);
        }

        input.addEventListener('input', function () {
            input.setAttribute('data-ff-user-key', '');
            global.clearTimeout(timer);
            timer = global.setTimeout(load, 200);
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                if (list.hidden) {
                    load();
                } else {
                    highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
                }
            } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
                event.preventDefault();
                pick(options()[active]);
            } else if (event.key === 'Escape' && !list.hidden) {
                event.stopPropagation();
                close();
            }
        });
        input.addEventListener('blur', function () {
            global.setTimeout(close, 150);
        });
        input.ownerKey = function () {
            return input.getAttribute('data-ff-user-key') || input.value.trim();
        };
        return {wrap: wrap, input: input};
    }

    // ----- learnings -----

    function learningForm(panel, item, after) {
        var existing = item ? {id: item.getAttribute('data-ff-learning'), kind: item.getAttribute('data-ff-kind'),
            text: item.querySelector('[data-ff-text]').textContent} : null;
        var f = form('ff-learning-form', function () {
            if (item) {
                item.hidden = false;
                item.querySelector('.ff-edit').focus();
            } else {
                panel.querySelector('.ff-add-learning').hidden = false;
                panel.querySelector('.ff-add-learning').focus();
            }
        });
        var kind = field(f, 'kind', TEXT.kind, select(KINDS, existing ? existing.kind : 'INSIGHT'), true);
        var text = field(f, 'text', TEXT.learning, textarea(existing ? existing.text : ''), true);
        f.finish();
        f.addEventListener('submit', function (event) {
            event.preventDefault();
            var body = {text: text.value, kind: kind.value};
            if (existing) {
                submit(panel, f, 'PUT', '/learnings/' + existing.id, body, TEXT.learningSaved);
            } else {
                submit(panel, f, 'POST', '/learnings', body, TEXT.learningAdded);
            }
        });
        after.parentNode.insertBefore(f, after.nextSibling);
        blameless(panel, text);
        text.focus();
        return f;
    }

    function enhanceLearnings(panel) {
        var list = panel.querySelector('.ff-learnings');
        Array.prototype.forEach.call(list.querySelectorAll('[data-ff-learning]'), function (item) {
            var tools = el('span', 'ff-item-tools');
            tools.appendChild(button(TEXT.edit, 'aui-button-link ff-edit', function () {
                item.hidden = true;
                learningForm(panel, item, item);
            }));
            tools.appendChild(button(TEXT.remove, 'aui-button-link ff-delete', function () {
                if (global.confirm(TEXT.confirmLearning)) {
                    request(panel, 'DELETE', '/learnings/' + item.getAttribute('data-ff-learning')).then(function (r) {
                        if (r.status === 204 || r.status === 404) {
                            refresh(panel, TEXT.learningDeleted);
                        } else {
                            announce(panel, TEXT.failed);
                        }
                    });
                }
            }));
            item.appendChild(tools);
        });
        var add = button(TEXT.addLearning, 'ff-add-learning', function () {
            add.hidden = true;
            learningForm(panel, null, add);
        });
        list.parentNode.insertBefore(add, list.nextSibling);
    }

    // ----- action items -----

    function actionState(row) {
        return {
            id: row.getAttribute('data-ff-action'),
            version: Number(row.getAttribute('data-ff-version')),
            description: row.querySelector('[data-ff-text]').textContent,
            owner: row.getAttribute('data-ff-owner-key'),
            ownerName: row.getAttribute('data-ff-owner-name'),
            dueDate: row.getAttribute('data-ff-due'),
            type: row.getAttribute('data-ff-type'),
            status: row.getAttribute('data-ff-status'),
            checkInDate: row.getAttribute('data-ff-check-in'),
            checkInResult: row.getAttribute('data-ff-check-in-result'),
            checkInNote: row.getAttribute('data-ff-check-in-note'),
            followUp: row.getAttribute('data-ff-follow-up') || ''
        };
    }

    /** The PUT body of an edit: the whole item as it is, with the changes laid over it. */
    function actionBody(state, changes) {
        var body = {
            description: state.description, owner: state.owner, dueDate: state.dueDate, type: state.type,
            status: state.status, checkInDate: state.checkInDate || null, checkInResult: state.checkInResult || null,
            checkInNote: state.checkInNote || null, version: state.version
        };
        Object.keys(changes).forEach(function (k) {
            body[k] = changes[k];
        });
        return body;
    }

    /** A form in a full-width row under the action's row (or under the add button for a new one). */
    function actionFormRow(row, f) {
        var tr = el('tr', 'ff-action-form-row');
        var td = el('td');
        td.colSpan = 5;
        td.appendChild(f);
        tr.appendChild(td);
        row.parentNode.insertBefore(tr, row.nextSibling);
        return tr;
    }

    function actionForm(panel, row, anchor) {
        var state = row ? actionState(row) : null;
        var holder = null;
        var f = form('ff-action-form', function () {
            if (holder && holder.parentNode) {
                holder.parentNode.removeChild(holder);
            }
            (row ? row.querySelector('.ff-edit') : panel.querySelector('.ff-add-action')).hidden = false;
            (row ? row.querySelector('.ff-edit') : panel.querySelector('.ff-add-action')).focus();
        });
        var description = field(f, 'description', TEXT.description, textarea(state ? state.description : ''), true);
        var picker = userPicker(panel, state ? state.owner : '', state ? state.ownerName : '');
        field(f, 'owner', TEXT.owner, picker.input, true, TEXT.ownerHint);
        var ownerRow = picker.input.parentNode;
        ownerRow.insertBefore(picker.wrap, picker.input.nextSibling);
        picker.wrap.insertBefore(picker.input, picker.wrap.firstChild);
        var due = field(f, 'dueDate', TEXT.due, dateInput(state ? state.dueDate : ''), true);
        var type = field(f, 'type', TEXT.type, select(TYPES, state ? state.type : 'PREVENT'), true);
        var status = state ? field(f, 'status', TEXT.status, select(STATUSES, state.status), true) : null;
        var checkIn = field(f, 'checkInDate', TEXT.checkInDate, dateInput(state ? state.checkInDate : ''), false,
            TEXT.checkInDateHint);
        f.finish();
        f.addEventListener('submit', function (event) {
            event.preventDefault();
            var values = {description: description.value, owner: picker.input.ownerKey(), dueDate: due.value,
                type: type.value, checkInDate: checkIn.value || null};
            if (state) {
                values.status = status.value;
                if (status.value !== 'DONE') {
                    values.checkInResult = null;
                }
                submit(panel, f, 'PUT', '/actions/' + state.id, actionBody(state, values), TEXT.actionSaved);
            } else {
                submit(panel, f, 'POST', '/actions', values, TEXT.actionAdded);
            }
        });
        if (row) {
            holder = actionFormRow(row, f);
        } else {
            anchor.parentNode.insertBefore(f, anchor.nextSibling);
        }
        blameless(panel, description);
        description.focus();
    }

    function checkInForm(panel, row, opener) {
        var state = actionState(row);
        var holder = null;
        var f = form('ff-checkin-form', function () {
            holder.parentNode.removeChild(holder);
            opener.focus();
        });
        var result = field(f, 'result', TEXT.result, select(RESULTS, 'EFFECTIVE'), true);
        var date = field(f, 'date', TEXT.date, dateInput(today()), true);
        var note = field(f, 'note', TEXT.note, textarea(''), false);
        f.finish(TEXT.checkIn);
        f.addEventListener('submit', function (event) {
            event.preventDefault();
            submit(panel, f, 'POST', '/actions/' + state.id + '/check-in',
                {date: date.value, result: result.value, note: note.value || null, version: state.version},
                TEXT.checkedIn);
        });
        holder = actionFormRow(row, f);
        blameless(panel, note);
        result.focus();
    }

    function followUpForm(panel, row, opener) {
        var state = actionState(row);
        var holder = null;
        var f = form('ff-followup-form', function () {
            holder.parentNode.removeChild(holder);
            opener.focus();
        });
        var project = el('input', 'text ff-project');
        project.type = 'text';
        project.value = panel.getAttribute('data-ff-issue-key').replace(/-\d+$/, '');
        field(f, 'project', TEXT.followUpProject, project, false, TEXT.followUpNew);
        var issue = el('input', 'text ff-issue');
        issue.type = 'text';
        field(f, 'issue', TEXT.followUpIssue, issue, false, TEXT.followUpLink);
        f.finish(TEXT.followUp);
        f.addEventListener('submit', function (event) {
            event.preventDefault();
            var body = issue.value.trim() ? {issue: issue.value.trim()} : {project: project.value.trim()};
            submit(panel, f, 'POST', '/actions/' + state.id + '/follow-up', body, TEXT.followedUp);
        });
        holder = actionFormRow(row, f);
        project.focus();
    }

    function enhanceActions(panel) {
        var table = panel.querySelector('.ff-actions');
        Array.prototype.forEach.call(table.querySelectorAll('tr[data-ff-action]'), function (row) {
            var state = actionState(row);
            var tools = el('div', 'ff-item-tools');
            if (state.status === 'OPEN') {
                tools.appendChild(button(TEXT.done, 'aui-button-link ff-done', function (event) {
                    var b = event.currentTarget;
                    b.disabled = true;
                    request(panel, 'PUT', '/actions/' + state.id, actionBody(state, {status: 'DONE'}))
                        .then(function (r) {
                            if (r.status === 200) {
                                refresh(panel, TEXT.actionDone);
                            } else {
                                b.disabled = false;
                                announce(panel, r.status === 409 ? TEXT.conflict : TEXT.failed);
                            }
                        });
                }));
            }
            if (state.status === 'DONE' && !state.checkInResult) {
                tools.appendChild(button(TEXT.checkIn, 'aui-button-link ff-check-in', function (event) {
                    checkInForm(panel, row, event.currentTarget);
                }));
            }
            if (!state.followUp) {
                tools.appendChild(button(TEXT.followUp, 'aui-button-link ff-follow-up', function (event) {
                    followUpForm(panel, row, event.currentTarget);
                }));
            }
            tools.appendChild(button(TEXT.edit, 'aui-button-link ff-edit', function (event) {
                event.currentTarget.hidden = true;
                actionForm(panel, row, null);
            }));
            tools.appendChild(button(TEXT.remove, 'aui-button-link ff-delete', function () {
                if (global.confirm(TEXT.confirmAction)) {
                    request(panel, 'DELETE', '/actions/' + state.id).then(function (r) {
                        if (r.status === 204 || r.status === 404) {
                            refresh(panel, TEXT.actionDeleted);
                        } else {
                            announce(panel, TEXT.failed);
                        }
                    });
                }
            }));
            row.cells[0].appendChild(tools);
        });
        var add = button(TEXT.addAction, 'ff-add-action', function () {
            add.hidden = true;
            actionForm(panel, null, add);
        });
        table.parentNode.insertBefore(add, table.nextSibling);
    }

    /** "Recurrence of OPS-12?": confirm makes the link, dismiss remembers; both as the user, then the view refreshes. */
    function enhanceRecurrences(panel) {
        Array.prototype.forEach.call(panel.querySelectorAll('[data-ff-recurrence]'), function (box) {
            var past = box.getAttribute('data-ff-recurrence');
            [['[data-ff-recurrence-confirm]', 'confirm', TEXT.recurrenceConfirmed],
                ['[data-ff-recurrence-dismiss]', 'dismiss', TEXT.recurrenceDismissed]].forEach(function (choice) {
                var b = box.querySelector(choice[0]);
                if (!b) {
                    return;
                }
                b.addEventListener('click', function () {
                    b.disabled = true;
                    var url = panel.getAttribute('data-ff-base') + '/rest/failforward/1.0/recurrence/'
                        + encodeURIComponent(panel.getAttribute('data-ff-issue-key')) + '/' + encodeURIComponent(past)
                        + '/' + choice[1];
                    fetch(url, {method: 'POST', credentials: 'same-origin',
                        headers: {'Accept': 'application/json', 'Content-Type': 'application/json'}, body: '{}'})
                        .then(function (response) {
                            if (response.ok) {
                                refresh(panel, choice[2].replace('{0}', past));
                            } else {
                                b.disabled = false;
                                announce(panel, TEXT.failed);
                            }
                        }, function () {
                            b.disabled = false;
                            announce(panel, TEXT.failed);
                        });
                });
            });
        });
    }

    /** The right panel's similar past failures, loaded once per view for every reader (nothing saved). */
    function loadSimilar(root) {
        var boxes = (root && root.querySelectorAll ? root : document)
            .querySelectorAll('[data-ff-similar-for]:not([data-ff-loaded])');
        Array.prototype.forEach.call(boxes, function (box) {
            box.setAttribute('data-ff-loaded', 'true');
            var base = box.getAttribute('data-ff-base') || '';
            fetch(base + '/rest/failforward/1.0/similar/' + encodeURIComponent(box.getAttribute('data-ff-similar-for')),
                {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (json) {
                    if (json && global.FailForward && global.FailForward.similar) {
                        global.FailForward.similar.render(box, json, base, {title: false, showNone: true});
                    }
                })
                .catch(function () {
                    // nothing shown when the search is unreachable
                });
        });
    }

    function enhance(root) {
        var panels = (root && root.querySelectorAll ? root : document)
            .querySelectorAll('[data-ff-panel="record"][data-ff-can-edit="true"]:not([data-ff-enhanced])');
        Array.prototype.forEach.call(panels, function (panel) {
            panel.setAttribute('data-ff-enhanced', 'true');
            enhanceRecurrences(panel);
            enhanceLearnings(panel);
            enhanceActions(panel);
        });
        loadSimilar(root);
        var flash = null;
        try {
            flash = global.sessionStorage.getItem(FLASH);
            global.sessionStorage.removeItem(FLASH);
        } catch (e) {
            flash = null;
        }
        var first = document.querySelector('[data-ff-panel="record"]');
        if (flash && first) {
            announce(first, flash);
        }
    }

    function start() {
        tick();
        global.setInterval(tick, 30000);
        enhance(document);
        // Jira re-renders the issue view (after our refresh, inline edits, keyboard navigation): enhance the new panels
        var jira = global.JIRA;
        if (jira && typeof jira.bind === 'function' && jira.Events && jira.Events.NEW_CONTENT_ADDED) {
            jira.bind(jira.Events.NEW_CONTENT_ADDED, function (event, context) {
                enhance(context && context[0] ? context[0] : document);
                tick();
            });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(window));
