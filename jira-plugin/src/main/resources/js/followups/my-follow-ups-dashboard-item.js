/*
 * Fail Forward - "My follow-ups" dashboard item (AMD module failforward/my-follow-ups-dashboard-item).
 *
 * The current user's open action items and due effectiveness check-ins across the projects they may browse, overdue
 * first, each with one click to mark it done or to check in (effective / not effective, with a note):
 *   GET  /rest/failforward/1.0/followups/mine                               the items and the digest subscription
 *   PUT  /rest/failforward/1.0/records/{issueKey}/actions/{id}              done: the item as it is, status DONE
 *   POST /rest/failforward/1.0/records/{issueKey}/actions/{id}/check-in     {"date","result","note","version"}
 *   PUT  /rest/failforward/1.0/digest {"subscribed":true|false}              the weekly digest toggle
 * The root node carries data-state (loading|error|forbidden|empty|ready). Server text only reaches the page through
 * textContent. Messages with {0} are filled in by format() here.
 */
define('failforward/my-follow-ups-dashboard-item', ['jquery', 'failforward/dashboard-kit'], function ($, kit) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var nodeOf = kit.nodeOf;
    var locale = kit.locale;
    var baseUrl = kit.baseUrl;
    var message = kit.message;
    var serverMessage = kit.serverMessage;
    var readJson = kit.readJson;

    var REST = '/rest/failforward/1.0';

    var TEXT = {
        title: AJS.I18n.getText('failforward.followups.title'),
        loading: AJS.I18n.getText('failforward.followups.loading'),
        errorTitle: AJS.I18n.getText('failforward.followups.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.followups.error.generic'),
        retry: AJS.I18n.getText('failforward.followups.error.retry'),
        empty: AJS.I18n.getText('failforward.followups.empty'),
        overdueOne: AJS.I18n.getText('failforward.followups.overdue.one'),
        overdueMany: AJS.I18n.getText('failforward.followups.overdue.many'),
        due: AJS.I18n.getText('failforward.followups.due'),
        checkInDue: AJS.I18n.getText('failforward.followups.checkin.due'),
        done: AJS.I18n.getText('failforward.followups.done'),
        doneSaved: AJS.I18n.getText('failforward.followups.done.saved'),
        checkIn: AJS.I18n.getText('failforward.followups.checkin'),
        result: AJS.I18n.getText('failforward.followups.checkin.result'),
        effective: AJS.I18n.getText('failforward.followups.checkin.effective'),
        notEffective: AJS.I18n.getText('failforward.followups.checkin.noteffective'),
        note: AJS.I18n.getText('failforward.followups.checkin.note'),
        save: AJS.I18n.getText('failforward.followups.checkin.save'),
        cancel: AJS.I18n.getText('failforward.followups.checkin.cancel'),
        checkInSaved: AJS.I18n.getText('failforward.followups.checkin.saved'),
        failed: AJS.I18n.getText('failforward.followups.action.failed'),
        digestToggle: AJS.I18n.getText('failforward.followups.digest.toggle'),
        digestOn: AJS.I18n.getText('failforward.followups.digest.on'),
        digestOff: AJS.I18n.getText('failforward.followups.digest.off'),
        record: AJS.I18n.getText('failforward.followups.record'),
        loginTitle: AJS.I18n.getText('failforward.followups.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.followups.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.followups.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.followups.forbidden.generic')
    };

    var instances = 0;

    /** "2026-12-01" as a medium date in the user's language; a calendar day, so read in UTC. */
    function shortDate(isoDate) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate || '');
        if (!parts) {
            return isoDate;
        }
        return new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])))
            .toLocaleDateString(locale(), {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'});
    }

    function send(method, path, body) {
        return fetch(baseUrl() + REST + path, {
            method: method,
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: JSON.stringify(body)
        }).then(function (response) {
            return readJson(response).then(function (json) {
                return {ok: response.ok, status: response.status, body: json};
            });
        });
    }

    function actionPath(item) {
        return '/records/' + encodeURIComponent(item.issueKey) + '/actions/' + encodeURIComponent(item.id);
    }

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.loads = 0;
        this.id = 'ff-followups-' + (++instances);
    }

    DashboardItem.prototype.render = function (element) {
        this.root = nodeOf(element);
        this.API.setTitle(TEXT.title);
        this.load(null);
    };

    DashboardItem.prototype.reset = function (state) {
        this.root.textContent = '';
        this.root.classList.add('ff-followups-item');
        this.root.setAttribute('data-state', state);
    };

    /** GET my follow-ups; notice ({kind, text}) is shown above them. */
    DashboardItem.prototype.load = function (notice) {
        var self = this;
        kit.load(this, {
            url: REST + '/followups/mine', loadingClass: 'ff-followups-loading', texts: TEXT,
            retryClass: 'ff-followups-retry',
            isData: function (body) {
                return Boolean(body.items);
            },
            ok: function (body) {
                self.show(body, notice);
            },
            retry: function () {
                self.load(null);
            }
        });
    };

    DashboardItem.prototype.show = function (mine, notice) {
        var self = this;
        this.reset(mine.items.length ? 'ready' : 'empty');
        if (notice) {
            this.root.appendChild(message(notice.kind, null, notice.text));
        }
        if (!mine.items.length) {
            this.root.appendChild(message('info', null, TEXT.empty));
        } else {
            var list = el('ul', 'ff-followups-list');
            mine.items.forEach(function (item) {
                list.appendChild(self.itemNode(item));
            });
            this.root.appendChild(list);
        }
        this.root.appendChild(this.digestToggle(mine.digest));
        this.API.resize();
    };

    DashboardItem.prototype.itemNode = function (item) {
        var self = this;
        var li = el('li', 'ff-followup');
        li.setAttribute('data-item', String(item.id));
        li.setAttribute('data-kind', item.checkInDue ? 'checkin' : (item.overdue ? 'overdue' : 'due'));
        var head = el('div', 'ff-followup-head');
        var link = el('a', 'ff-followup-issue', item.issueKey);
        link.href = baseUrl() + '/browse/' + encodeURIComponent(item.issueKey);
        head.appendChild(link);
        head.appendChild(el('span', 'ff-followup-description', item.description));
        li.appendChild(head);
        var when;
        if (item.checkInDue) {
            when = el('span', 'aui-lozenge aui-lozenge-current', format(TEXT.checkInDue, shortDate(item.checkInDate)));
        } else if (item.overdue) {
            when = el('span', 'aui-lozenge aui-lozenge-removed', item.daysOverdue === 1 ? TEXT.overdueOne
                : format(TEXT.overdueMany, item.daysOverdue));
        } else {
            when = el('span', 'aui-lozenge', format(TEXT.due, shortDate(item.dueDate)));
        }
        var meta = el('div', 'ff-followup-meta');
        meta.appendChild(when);
        meta.appendChild(el('span', 'ff-followup-record', format(TEXT.record, item.recordSummary || item.issueKey)));
        li.appendChild(meta);
        var buttons = el('div', 'ff-followup-buttons');
        if (!item.checkInDue) {
            var done = el('button', 'aui-button ff-followup-done', TEXT.done);
            done.type = 'button';
            done.addEventListener('click', function () {
                done.disabled = true;
                self.markDone(item, li);
            });
            buttons.appendChild(done);
        }
        if (item.checkInDue || item.checkInDate) {
            var checkIn = el('button', 'aui-button ff-followup-checkin', TEXT.checkIn);
            checkIn.type = 'button';
            checkIn.addEventListener('click', function () {
                checkIn.disabled = true;
                li.appendChild(self.checkInForm(item, li, checkIn));
                self.API.resize();
            });
            buttons.appendChild(checkIn);
        }
        li.appendChild(buttons);
        return li;
    };

    DashboardItem.prototype.fail = function (li, body) {
        var old = li.querySelector('.ff-followup-error');
        if (old) {
            old.parentNode.removeChild(old);
        }
        var box = message('error', null, format(TEXT.failed, serverMessage(body, TEXT.errorGeneric)));
        box.classList.add('ff-followup-error');
        li.appendChild(box);
        li.querySelectorAll('button').forEach(function (b) {
            b.disabled = false;
        });
        this.API.resize();
    };

    /** Done: the item as it is, with status DONE (the failure database's own edit, with its permission checks). */
    DashboardItem.prototype.markDone = function (item, li) {
        var self = this;
        send('PUT', actionPath(item), {
            description: item.description, owner: item.ownerKey, dueDate: item.dueDate, type: item.type,
            checkInDate: item.checkInDate, status: 'done', version: item.version
        }).then(function (answer) {
            if (answer.ok) {
                self.load({kind: 'success', text: TEXT.doneSaved});
            } else {
                self.fail(li, answer.body);
            }
        }, function () {
            self.fail(li, null);
        });
    };

    DashboardItem.prototype.checkInForm = function (item, li, opener) {
        var self = this;
        var form = el('form', 'aui ff-followup-checkin-form');
        var fieldset = el('fieldset', 'group');
        fieldset.appendChild(el('legend', null, TEXT.result));
        var name = this.id + '-result-' + item.id;
        [['effective', TEXT.effective], ['not_effective', TEXT.notEffective]].forEach(function (choice, index) {
            var row = el('div', 'radio');
            var input = el('input', 'radio');
            input.type = 'radio';
            input.name = name;
            input.value = choice[0];
            input.id = name + '-' + index;
            input.checked = index === 0;
            var label = el('label', null, choice[1]);
            label.htmlFor = input.id;
            row.appendChild(input);
            row.appendChild(label);
            fieldset.appendChild(row);
        });
        form.appendChild(fieldset);
        var noteId = name + '-note';
        var noteGroup = el('div', 'field-group');
        var noteLabel = el('label', null, TEXT.note);
        noteLabel.htmlFor = noteId;
        var note = el('textarea', 'textarea ff-followup-note');
        note.id = noteId;
        note.maxLength = 2000;
        noteGroup.appendChild(noteLabel);
        noteGroup.appendChild(note);
        form.appendChild(noteGroup);
        var buttons = el('div', 'buttons');
        var save = el('button', 'aui-button aui-button-primary ff-followup-checkin-save', TEXT.save);
        save.type = 'submit';
        var cancel = el('button', 'aui-button aui-button-link', TEXT.cancel);
        cancel.type = 'button';
        cancel.addEventListener('click', function () {
            form.parentNode.removeChild(form);
            opener.disabled = false;
            self.API.resize();
        });
        buttons.appendChild(save);
        buttons.appendChild(cancel);
        form.appendChild(buttons);
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save.disabled = true;
            var chosen = form.querySelector('input[name="' + name + '"]:checked');
            var today = new Date();
            var date = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-'
                + String(today.getDate()).padStart(2, '0');
            send('POST', actionPath(item) + '/check-in', {
                date: date, result: chosen ? chosen.value : 'effective', note: note.value || null, version: item.version
            }).then(function (answer) {
                if (answer.ok) {
                    self.load({kind: 'success', text: TEXT.checkInSaved});
                } else {
                    save.disabled = false;
                    self.fail(li, answer.body);
                }
            }, function () {
                save.disabled = false;
                self.fail(li, null);
            });
        });
        return form;
    };

    DashboardItem.prototype.digestToggle = function (subscribed) {
        var self = this;
        var form = el('form', 'aui ff-followups-digest');
        var row = el('div', 'checkbox');
        var box = el('input', 'checkbox ff-followups-digest-toggle');
        box.type = 'checkbox';
        box.id = this.id + '-digest';
        box.checked = Boolean(subscribed);
        var label = el('label', null, TEXT.digestToggle);
        label.htmlFor = box.id;
        row.appendChild(box);
        row.appendChild(label);
        form.appendChild(row);
        var status = el('p', 'ff-followups-digest-status');
        status.setAttribute('role', 'status');
        form.appendChild(status);
        box.addEventListener('change', function () {
            box.disabled = true;
            send('PUT', '/digest', {subscribed: box.checked}).then(function (answer) {
                box.disabled = false;
                if (answer.ok && answer.body) {
                    box.checked = Boolean(answer.body.subscribed);
                    status.textContent = box.checked ? TEXT.digestOn : TEXT.digestOff;
                } else {
                    box.checked = !box.checked;
                    status.textContent = format(TEXT.failed, serverMessage(answer.body, TEXT.errorGeneric));
                }
                self.API.resize();
            }, function () {
                box.disabled = false;
                box.checked = !box.checked;
                status.textContent = format(TEXT.failed, TEXT.errorGeneric);
            });
        });
        return form;
    };

    return DashboardItem;
});
