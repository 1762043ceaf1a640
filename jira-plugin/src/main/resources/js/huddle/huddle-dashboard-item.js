/*
 * Fail Forward - failure huddle dashboard item (AMD module failforward/huddle-dashboard-item).
 *
 * Prepares a team's weekly 15-minute failure huddle (preference "projects": the team's project keys, comma-separated):
 *   GET  /rest/failforward/1.0/huddles/board?projects=OPS,CARE   failures since the last huddle (else 7 days), open
 *                                                                24-hour rules, overdue follow-ups, a learning to
 *                                                                celebrate (the rule comes from the server)
 *   POST /rest/failforward/1.0/huddles {"projects":[...]}        "Mark huddle held": 201 held; 200 already held this
 *                                                                week (the server's message says when and by whom)
 * The root node carries data-state (loading|error|forbidden|empty|ready|edit) and, when ready, data-held. Server text
 * only reaches the page through textContent.
 */
define('failforward/huddle-dashboard-item', ['jquery', 'failforward/dashboard-kit'], function ($, kit) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var message = kit.message;
    var readJson = kit.readJson;
    var serverMessage = kit.serverMessage;

    var BOARD = '/rest/failforward/1.0/huddles/board';
    var HUDDLES = '/rest/failforward/1.0/huddles';

    var TEXT = {
        title: AJS.I18n.getText('failforward.dashboard.huddle.title'),
        titleProjects: AJS.I18n.getText('failforward.dashboard.huddle.title.projects'),
        loading: AJS.I18n.getText('failforward.dashboard.huddle.loading'),
        errorTitle: AJS.I18n.getText('failforward.dashboard.huddle.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.dashboard.huddle.error.generic'),
        retry: AJS.I18n.getText('failforward.dashboard.huddle.retry'),
        loginTitle: AJS.I18n.getText('failforward.dashboard.huddle.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.dashboard.huddle.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.dashboard.huddle.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.dashboard.huddle.forbidden.generic'),
        notConfigured: AJS.I18n.getText('failforward.dashboard.huddle.notconfigured'),
        intro: AJS.I18n.getText('failforward.dashboard.huddle.intro'),
        heldThisWeek: AJS.I18n.getText('failforward.dashboard.huddle.heldthisweek'),
        markHeld: AJS.I18n.getText('failforward.dashboard.huddle.mark'),
        marking: AJS.I18n.getText('failforward.dashboard.huddle.marking'),
        failuresSince: AJS.I18n.getText('failforward.dashboard.huddle.failures.since'),
        failuresWeek: AJS.I18n.getText('failforward.dashboard.huddle.failures.week'),
        failuresNone: AJS.I18n.getText('failforward.dashboard.huddle.failures.none'),
        failuresMore: AJS.I18n.getText('failforward.dashboard.huddle.failures.more'),
        rules: AJS.I18n.getText('failforward.dashboard.huddle.rules'),
        rulesNone: AJS.I18n.getText('failforward.dashboard.huddle.rules.none'),
        ruleLeft: AJS.I18n.getText('failforward.dashboard.huddle.rules.left'),
        ruleCounts: AJS.I18n.getText('failforward.dashboard.huddle.rules.counts'),
        ruleDue: AJS.I18n.getText('failforward.dashboard.huddle.rules.due'),
        overdue: AJS.I18n.getText('failforward.dashboard.huddle.overdue'),
        overdueNone: AJS.I18n.getText('failforward.dashboard.huddle.overdue.none'),
        overdueLine: AJS.I18n.getText('failforward.dashboard.huddle.overdue.line'),
        overdueMore: AJS.I18n.getText('failforward.dashboard.huddle.overdue.more'),
        celebrate: AJS.I18n.getText('failforward.dashboard.huddle.celebrate'),
        celebrateNone: AJS.I18n.getText('failforward.dashboard.huddle.celebrate.none'),
        reused: AJS.I18n.getText('failforward.dashboard.huddle.celebrate.reused'),
        kindIncident: AJS.I18n.getText('failforward.dashboard.huddle.kind.incident'),
        kindExperiment: AJS.I18n.getText('failforward.dashboard.huddle.kind.experiment'),
        projectsLabel: AJS.I18n.getText('failforward.dashboard.huddle.edit.projects'),
        projectsHelp: AJS.I18n.getText('failforward.dashboard.huddle.edit.projects.description'),
        projectsInvalid: AJS.I18n.getText('failforward.dashboard.huddle.edit.projects.invalid'),
        projectsRequired: AJS.I18n.getText('failforward.dashboard.huddle.edit.projects.required'),
        save: AJS.I18n.getText('failforward.dashboard.huddle.edit.save'),
        cancel: AJS.I18n.getText('failforward.dashboard.huddle.edit.cancel')
    };

    var instances = 0;

    function dateTime(iso) {
        var d = new Date(iso);
        return isNaN(d.getTime()) ? iso : d.toLocaleString(kit.locale(), {dateStyle: 'medium', timeStyle: 'short'});
    }

    /** "2026-12-01" as a medium date; a calendar day, read in UTC. */
    function day(isoDate) {
        var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
        return p ? new Date(Date.UTC(+p[1], +p[2] - 1, +p[3])).toLocaleDateString(kit.locale(),
            {dateStyle: 'medium', timeZone: 'UTC'}) : isoDate;
    }

    function left(deadlineIso) {
        var ms = Math.max(0, new Date(deadlineIso).getTime() - Date.now());
        var minutes = Math.floor(ms / 60000);
        return format(TEXT.ruleLeft, Math.floor(minutes / 60), minutes % 60);
    }

    function link(record) {
        var a = el('a', 'ff-huddle-key', record.key);
        a.href = kit.baseUrl() + record.url;
        return a;
    }

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.loads = 0;
        this.id = 'ff-huddle-' + (++instances);
    }

    DashboardItem.prototype.render = function (element, preferences) {
        var projects = kit.projectKeys((preferences || {}).projects) || [];
        if (!projects.length && this.API.isEditable()) {
            this.renderEdit(element, preferences);
            return;
        }
        this.root = kit.nodeOf(element);
        this.projects = projects;
        if (!projects.length) {
            this.reset('empty');
            this.API.setTitle(TEXT.title);
            this.root.appendChild(message('info', null, TEXT.notConfigured));
            this.API.resize();
            return;
        }
        this.load(null);
    };

    DashboardItem.prototype.reset = function (state) {
        if (this.timer) {
            window.clearInterval(this.timer);
            this.timer = null;
        }
        this.root.textContent = '';
        this.root.classList.add('ff-huddle-item');
        this.root.removeAttribute('data-held');
        this.root.setAttribute('data-state', state);
    };

    DashboardItem.prototype.load = function (notice) {
        var self = this;
        this.API.setTitle(format(TEXT.titleProjects, this.projects.join(', ')));
        kit.load(this, {
            url: BOARD + '?projects=' + encodeURIComponent(this.projects.join(',')), loadingClass: 'ff-huddle-loading',
            texts: TEXT, retryClass: 'ff-huddle-retry',
            isData: function (body) {
                return Boolean(body.failures);
            },
            ok: function (body) {
                self.show(body, notice);
            },
            retry: function () {
                self.load(null);
            }
        });
    };

    DashboardItem.prototype.section = function (title, key) {
        var section = el('div', 'ff-huddle-section');
        section.setAttribute('data-ff-huddle', key);
        section.appendChild(el('h3', 'ff-huddle-heading', title));
        this.root.appendChild(section);
        return section;
    };

    DashboardItem.prototype.show = function (board, notice) {
        var self = this;
        this.reset('ready');
        this.root.setAttribute('data-held', String(Boolean(board.heldThisWeek)));
        if (notice) {
            this.root.appendChild(message(notice.kind, null, notice.text));
        }
        this.root.appendChild(el('p', 'ff-huddle-intro', TEXT.intro));

        // failures since the last huddle
        var failures = this.section(board.sinceLastHuddle ? format(TEXT.failuresSince, dateTime(board.since))
            : TEXT.failuresWeek, 'failures');
        if (!board.failures.items.length) {
            failures.appendChild(el('p', 'ff-huddle-empty', TEXT.failuresNone));
        } else {
            var fl = failures.appendChild(el('ul', 'ff-huddle-list'));
            board.failures.items.forEach(function (f) {
                var li = fl.appendChild(el('li', 'ff-huddle-failure'));
                li.appendChild(el('span', 'aui-lozenge ff-huddle-kind ff-huddle-kind-' + f.kind,
                    f.kind === 'incident' ? TEXT.kindIncident : TEXT.kindExperiment));
                li.appendChild(document.createTextNode(' '));
                li.appendChild(link(f));
                li.appendChild(document.createTextNode(' ' + f.summary + ' '));
                li.appendChild(el('span', 'ff-huddle-status', f.status));
            });
            if (board.failures.total > board.failures.items.length) {
                failures.appendChild(el('p', 'ff-huddle-more', format(TEXT.failuresMore, board.failures.total)));
            }
        }

        // open 24-hour rules with a live countdown
        var rules = this.section(TEXT.rules, 'rules');
        if (!board.openRules.length) {
            rules.appendChild(el('p', 'ff-huddle-empty', TEXT.rulesNone));
        } else {
            var rl = rules.appendChild(el('ul', 'ff-huddle-list'));
            board.openRules.forEach(function (r) {
                var li = rl.appendChild(el('li', 'ff-huddle-rule'));
                li.appendChild(link(r));
                li.appendChild(document.createTextNode(' ' + r.summary + ' '));
                var countdown = el('span', 'ff-huddle-countdown', left(r.deadline));
                countdown.setAttribute('data-ff-deadline', r.deadline);
                countdown.title = format(TEXT.ruleDue, dateTime(r.deadline));
                li.appendChild(countdown);
                li.appendChild(el('div', 'ff-huddle-detail', format(TEXT.ruleCounts, r.learnings, r.minLearnings,
                    r.nextSteps, r.minNextSteps)));
            });
            this.timer = window.setInterval(function () {
                Array.prototype.forEach.call(self.root.querySelectorAll('[data-ff-deadline]'), function (c) {
                    c.textContent = left(c.getAttribute('data-ff-deadline'));
                });
            }, 30000);
        }

        // overdue follow-ups
        var overdue = this.section(TEXT.overdue, 'overdue');
        if (!board.overdue.length) {
            overdue.appendChild(el('p', 'ff-huddle-empty', TEXT.overdueNone));
        } else {
            var ol = overdue.appendChild(el('ul', 'ff-huddle-list'));
            board.overdue.forEach(function (o) {
                var li = ol.appendChild(el('li', 'ff-huddle-overdue'));
                li.appendChild(el('span', 'ff-huddle-action', o.description));
                li.appendChild(el('div', 'ff-huddle-detail', format(TEXT.overdueLine, o.ownerName, day(o.dueDate),
                    o.daysOverdue)));
                var rec = li.appendChild(el('div', 'ff-huddle-detail'));
                rec.appendChild(link(o.record));
                rec.appendChild(document.createTextNode(' ' + o.record.summary));
            });
            if (board.overdueTotal > board.overdue.length) {
                overdue.appendChild(el('p', 'ff-huddle-more', format(TEXT.overdueMore, board.overdueTotal)));
            }
        }

        // one learning to celebrate, by the stated rule
        var celebrate = this.section(TEXT.celebrate, 'celebrate');
        if (!board.celebrate) {
            celebrate.appendChild(el('p', 'ff-huddle-empty', TEXT.celebrateNone));
        } else {
            var learning = board.celebrate.learning;
            celebrate.appendChild(el('blockquote', 'ff-huddle-learning', learning.text));
            var from = celebrate.appendChild(el('p', 'ff-huddle-detail'));
            from.appendChild(link(learning.record));
            from.appendChild(document.createTextNode(' ' + learning.record.summary + ' · '
                + format(TEXT.reused, board.celebrate.reuses)));
        }
        celebrate.appendChild(el('p', 'ff-huddle-rule-text', board.celebrationRule));

        // held, or the button
        var footer = el('div', 'ff-huddle-footer');
        if (board.heldThisWeek) {
            footer.appendChild(message('success', null, format(TEXT.heldThisWeek, board.heldThisWeek.week,
                dateTime(board.heldThisWeek.heldAt), board.heldThisWeek.heldByName || '')));
        }
        var mark = el('button', 'aui-button' + (board.heldThisWeek ? '' : ' aui-button-primary') + ' ff-huddle-mark',
            TEXT.markHeld);
        mark.type = 'button';
        mark.addEventListener('click', function () {
            mark.disabled = true;
            mark.textContent = TEXT.marking;
            self.markHeld(mark);
        });
        footer.appendChild(mark);
        this.root.appendChild(footer);
        this.API.resize();
    };

    DashboardItem.prototype.markHeld = function (button) {
        var self = this;
        fetch(kit.baseUrl() + HUDDLES, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: JSON.stringify({projects: this.projects})
        }).then(function (response) {
            return readJson(response).then(function (body) {
                if (response.status === 201 || response.status === 200) {
                    self.load({kind: body && body.created ? 'success' : 'info',
                        text: (body && body.message) || TEXT.errorGeneric});
                } else {
                    button.disabled = false;
                    button.textContent = TEXT.markHeld;
                    self.root.insertBefore(message('error', null, serverMessage(body, TEXT.errorGeneric)),
                        self.root.firstChild);
                    self.API.resize();
                }
            });
        }, function () {
            button.disabled = false;
            button.textContent = TEXT.markHeld;
            self.root.insertBefore(message('error', null, TEXT.errorGeneric), self.root.firstChild);
            self.API.resize();
        });
    };

    DashboardItem.prototype.renderEdit = function (element, preferences) {
        kit.projectsEdit(this, element, preferences, {formClass: 'ff-huddle-edit', required: true, texts: TEXT});
    };

    return DashboardItem;
});
