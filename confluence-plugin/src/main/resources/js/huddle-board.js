/*
 * Fail Forward - the failure huddle retro's board (failforward-retro with template failure-huddle and projects).
 *
 * Fills each section.ff-huddle-board[data-projects] from GET /rest/failforward-confluence/1.0/huddles/board?projects=…
 * (Jira's huddle board of the team, read as the viewer through the application link): the failures reported since the
 * team's last huddle (the last 7 days when there was none), the open 24-hour rules with a live countdown, the overdue
 * follow-ups, one learning to celebrate by the stated rule, and whether this week's huddle was held; or the state's
 * message (with the authenticate / add-a-link link). On an interactive retro (page view, logged in) "Mark huddle held"
 * records this week's huddle in Jira with this page (POST /huddles; 201 held, 200 held already: Jira's message says
 * when and by whom) and reloads the board. The section carries data-state (loading|ok|<Jira state>|error) and, when
 * ok, data-held. Jira's text only reaches the page through textContent; labels come from the i18n bundle.
 */
(function (global) {
    'use strict';

    var kit = global.FailForward.kit;
    var format = kit.format;
    var el = kit.el;
    var link = kit.link;
    var request = kit.request;
    var meta = kit.meta;
    var when = kit.when;
    var day = kit.day;

    var TEXT = {
        title: AJS.I18n.getText('failforward.huddle.js.title'),
        loading: AJS.I18n.getText('failforward.huddle.js.loading'),
        failed: AJS.I18n.getText('failforward.huddle.js.failed'),
        retry: AJS.I18n.getText('failforward.huddle.js.retry'),
        authorize: AJS.I18n.getText('failforward.retro.js.authorize'),
        addLink: AJS.I18n.getText('failforward.retro.js.addlink'),
        askAdmin: AJS.I18n.getText('failforward.archive.js.askadmin'),
        failuresSince: AJS.I18n.getText('failforward.huddle.js.failures.since'),
        failuresWeek: AJS.I18n.getText('failforward.huddle.js.failures.week'),
        failuresNone: AJS.I18n.getText('failforward.huddle.js.failures.none'),
        failuresMore: AJS.I18n.getText('failforward.huddle.js.failures.more'),
        rules: AJS.I18n.getText('failforward.huddle.js.rules'),
        rulesNone: AJS.I18n.getText('failforward.huddle.js.rules.none'),
        ruleLeft: AJS.I18n.getText('failforward.huddle.js.rules.left'),
        ruleOver: AJS.I18n.getText('failforward.huddle.js.rules.over'),
        ruleCounts: AJS.I18n.getText('failforward.huddle.js.rules.counts'),
        ruleDue: AJS.I18n.getText('failforward.huddle.js.rules.due'),
        overdue: AJS.I18n.getText('failforward.huddle.js.overdue'),
        overdueNone: AJS.I18n.getText('failforward.huddle.js.overdue.none'),
        overdueLine: AJS.I18n.getText('failforward.huddle.js.overdue.line'),
        overdueMore: AJS.I18n.getText('failforward.huddle.js.overdue.more'),
        celebrate: AJS.I18n.getText('failforward.huddle.js.celebrate'),
        celebrateNone: AJS.I18n.getText('failforward.huddle.js.celebrate.none'),
        reused: AJS.I18n.getText('failforward.huddle.js.celebrate.reused'),
        kindIncident: AJS.I18n.getText('failforward.huddle.js.kind.incident'),
        kindExperiment: AJS.I18n.getText('failforward.huddle.js.kind.experiment'),
        someone: AJS.I18n.getText('failforward.huddle.js.someone'),
        heldThisWeek: AJS.I18n.getText('failforward.huddle.js.heldthisweek'),
        lastHuddle: AJS.I18n.getText('failforward.huddle.js.last'),
        mark: AJS.I18n.getText('failforward.huddle.js.mark'),
        marking: AJS.I18n.getText('failforward.huddle.js.marking')
    };

    /** "5 h 20 min left" until the deadline, or "time is up" once it passed. */
    function left(deadlineIso) {
        var ms = new Date(deadlineIso).getTime() - Date.now();
        if (isNaN(ms)) {
            return '';
        }
        if (ms <= 0) {
            return TEXT.ruleOver;
        }
        var minutes = Math.floor(ms / 60000);
        return format(TEXT.ruleLeft, Math.floor(minutes / 60), minutes % 60);
    }

    function issue(item) {
        return item.url ? link(item.url, item.key, 'ff-huddle-key') : el('span', 'ff-huddle-key', item.key);
    }

    function section(board, title, name) {
        var part = el('div', 'ff-huddle-section');
        part.setAttribute('data-ff-huddle', name);
        part.appendChild(el('h4', 'ff-huddle-heading', title));
        board.appendChild(part);
        return part;
    }

    /** Whether this page may mark the huddle held: an interactive retro (page view) and a logged-in user. */
    function interactive(board) {
        var retro = board.closest ? board.closest('.ff-retro') : null;
        return !!(retro && retro.getAttribute('data-editable') === 'true' && meta('remote-user'));
    }

    function reset(board, state) {
        if (board.ffTimer) {
            global.clearInterval(board.ffTimer);
            board.ffTimer = null;
        }
        board.textContent = '';
        board.removeAttribute('data-held');
        board.setAttribute('data-state', state);
    }

    function renderState(board, data) {
        reset(board, data.state || 'error');
        board.appendChild(kit.stateBox(data, TEXT, 'ff-huddle', function () {
            load(board, null);
        }));
    }

    function renderBoard(board, data, notice) {
        var b = data.board;
        reset(board, 'ok');
        board.setAttribute('data-held', String(Boolean(b.heldThisWeek)));
        board.appendChild(el('h3', 'ff-huddle-title', format(TEXT.title, (b.projects || []).join(', '))));
        if (notice) {
            board.appendChild(el('div', 'aui-message aui-message-' + notice.kind + ' ff-huddle-notice', notice.text));
        }

        var failures = section(board, b.sinceLastHuddle ? format(TEXT.failuresSince, when(b.since)) : TEXT.failuresWeek,
            'failures');
        if (!b.failures.length) {
            failures.appendChild(el('p', 'ff-huddle-empty', TEXT.failuresNone));
        } else {
            var fl = failures.appendChild(el('ul', 'ff-huddle-list'));
            b.failures.forEach(function (f) {
                var li = fl.appendChild(el('li', 'ff-huddle-failure'));
                li.appendChild(el('span', 'aui-lozenge ff-huddle-kind', f.kind === 'incident' ? TEXT.kindIncident
                    : TEXT.kindExperiment));
                li.appendChild(document.createTextNode(' '));
                li.appendChild(issue(f));
                li.appendChild(document.createTextNode(' ' + (f.summary || '') + ' '));
                if (f.status) {
                    li.appendChild(el('span', 'ff-huddle-status', f.status));
                }
            });
            if (b.failuresTotal > b.failures.length) {
                failures.appendChild(el('p', 'ff-huddle-more', format(TEXT.failuresMore, b.failuresTotal)));
            }
        }

        var rules = section(board, TEXT.rules, 'rules');
        if (!b.openRules.length) {
            rules.appendChild(el('p', 'ff-huddle-empty', TEXT.rulesNone));
        } else {
            var rl = rules.appendChild(el('ul', 'ff-huddle-list'));
            b.openRules.forEach(function (r) {
                var li = rl.appendChild(el('li', 'ff-huddle-rule'));
                li.appendChild(issue(r));
                li.appendChild(document.createTextNode(' ' + (r.summary || '') + ' '));
                var countdown = el('span', 'ff-huddle-countdown', left(r.deadline));
                countdown.setAttribute('data-ff-deadline', r.deadline);
                countdown.title = format(TEXT.ruleDue, when(r.deadline));
                li.appendChild(countdown);
                li.appendChild(el('div', 'ff-huddle-detail', format(TEXT.ruleCounts, r.learnings, r.minLearnings,
                    r.nextSteps, r.minNextSteps)));
            });
            board.ffTimer = global.setInterval(function () {
                Array.prototype.forEach.call(board.querySelectorAll('[data-ff-deadline]'), function (c) {
                    c.textContent = left(c.getAttribute('data-ff-deadline'));
                });
            }, 30000);
        }

        var overdue = section(board, TEXT.overdue, 'overdue');
        if (!b.overdue.length) {
            overdue.appendChild(el('p', 'ff-huddle-empty', TEXT.overdueNone));
        } else {
            var ol = overdue.appendChild(el('ul', 'ff-huddle-list'));
            b.overdue.forEach(function (o) {
                var li = ol.appendChild(el('li', 'ff-huddle-overdue'));
                li.appendChild(el('span', 'ff-huddle-action', o.description));
                li.appendChild(el('div', 'ff-huddle-detail', format(TEXT.overdueLine, o.ownerName || TEXT.someone,
                    day(o.dueDate), o.daysOverdue)));
                var on = li.appendChild(el('div', 'ff-huddle-detail'));
                on.appendChild(issue(o));
                on.appendChild(document.createTextNode(' ' + (o.summary || '')));
            });
            if (b.overdueTotal > b.overdue.length) {
                overdue.appendChild(el('p', 'ff-huddle-more', format(TEXT.overdueMore, b.overdueTotal)));
            }
        }

        var celebrate = section(board, TEXT.celebrate, 'celebrate');
        if (!b.celebrate) {
            celebrate.appendChild(el('p', 'ff-huddle-empty', TEXT.celebrateNone));
        } else {
            celebrate.appendChild(el('blockquote', 'ff-huddle-learning', b.celebrate.text));
            var from = celebrate.appendChild(el('p', 'ff-huddle-detail'));
            from.appendChild(issue(b.celebrate));
            from.appendChild(document.createTextNode(' ' + (b.celebrate.summary || '') + ' · '
                + format(TEXT.reused, b.celebrate.reuses)));
        }
        if (b.celebrationRule) {
            celebrate.appendChild(el('p', 'ff-huddle-rule-text', b.celebrationRule));
        }

        var footer = el('div', 'ff-huddle-footer');
        if (b.heldThisWeek) {
            footer.appendChild(el('p', 'ff-huddle-held', format(TEXT.heldThisWeek, b.heldThisWeek.week,
                when(b.heldThisWeek.heldAt), b.heldThisWeek.heldByName || TEXT.someone)));
        } else if (b.lastHuddle) {
            footer.appendChild(el('p', 'ff-huddle-last', format(TEXT.lastHuddle, b.lastHuddle.week,
                when(b.lastHuddle.heldAt), b.lastHuddle.heldByName || TEXT.someone)));
        }
        if (interactive(board)) {
            var mark = el('button', 'aui-button' + (b.heldThisWeek ? '' : ' aui-button-primary') + ' ff-huddle-mark',
                TEXT.mark);
            mark.type = 'button';
            mark.addEventListener('click', function () {
                markHeld(board, mark);
            });
            footer.appendChild(mark);
        }
        board.appendChild(footer);
    }

    function markHeld(board, button) {
        button.disabled = true;
        button.textContent = TEXT.marking;
        var projects = board.getAttribute('data-projects').split(',');
        request('POST', '/huddles', {projects: projects, pageId: meta('page-id') || null,
            pageTitle: meta('page-title') || null}, function (status, json) {
            if ((status === 201 || status === 200) && json && json.state === 'ok') {
                load(board, {kind: json.created ? 'success' : 'info', text: json.message});
                return;
            }
            button.disabled = false;
            button.textContent = TEXT.mark;
            var message = json && json.errors && json.errors.length
                ? json.errors.map(function (e) { return e.message; }).join(' ')
                : (json && json.message) || TEXT.failed;
            var box = el('div', 'aui-message aui-message-error ff-huddle-notice');
            box.appendChild(el('p', null, message));
            if (json && json.state === 'authorize' && json.authorizeUri) {
                box.appendChild(link(json.authorizeUri, TEXT.authorize, 'ff-huddle-link'));
            }
            board.insertBefore(box, board.firstChild);
        });
    }

    /** Loads the board; only the answer to the newest request is shown. */
    function load(board, notice) {
        var ticket = (board.ffTicket || 0) + 1;
        board.ffTicket = ticket;
        var projects = board.getAttribute('data-projects');
        request('GET', '/huddles/board?projects=' + encodeURIComponent(projects), undefined, function (status, json) {
            if (ticket !== board.ffTicket) {
                return;
            }
            if (status === 200 && json && json.state === 'ok' && json.board) {
                renderBoard(board, json, notice);
            } else if (status === 200 && json && json.state) {
                renderState(board, json);
            } else {
                var message = json && json.errors && json.errors.length
                    ? json.errors.map(function (e) { return e.message; }).join(' ') : (json && json.message);
                renderState(board, {state: 'error', message: message || TEXT.failed});
            }
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll('.ff-huddle-board[data-projects]'), function (board) {
            load(board, null);
        });
    }

    global.FailForward = global.FailForward || {};
    global.FailForward.huddleBoard = {init: init, renderBoard: renderBoard};

    if (typeof AJS.toInit === 'function') {
        AJS.toInit(init);
    } else {
        document.addEventListener('DOMContentLoaded', init);
    }
}(window));
