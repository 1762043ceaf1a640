/*
 * Fail Forward - "Most valuable failure" dashboard item (AMD module failforward/award-dashboard-item).
 *
 * Shows one scope's award (preference "scope": "instance" or a project group's key): the phase with a countdown to
 * the next change, the nominees with who nominated them and why, a Vote button per nominee while voting is open (one
 * secret vote; a second attempt shows the server's 409 message, "You already voted in this award."), the results and
 * the winner once voting has closed, and the past awards behind an expander.
 *   GET  /rest/failforward/1.0/awards?scope=instance            the current awards
 *   POST /rest/failforward/1.0/awards/{award}/votes {"record":"OPS-1"}   201; 409 already voted / voting closed
 *   GET  /rest/failforward/1.0/awards/history?scope=instance    the past awards
 * The root node carries data-state (loading|error|forbidden|empty|ready|edit). Server text only reaches the page
 * through textContent.
 */
define('failforward/award-dashboard-item', ['jquery', 'failforward/dashboard-kit'], function ($, kit) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var nodeOf = kit.nodeOf;
    var locale = kit.locale;
    var baseUrl = kit.baseUrl;
    var message = kit.message;
    var serverMessage = kit.serverMessage;
    var readJson = kit.readJson;

    var REST_PATH = '/rest/failforward/1.0/awards';
    var SCOPE_KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;

    var TEXT = {
        title: AJS.I18n.getText('failforward.dashboard.award.title'),
        titleScope: AJS.I18n.getText('failforward.dashboard.award.title.scope'),
        loading: AJS.I18n.getText('failforward.dashboard.award.loading'),
        errorTitle: AJS.I18n.getText('failforward.dashboard.award.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.dashboard.award.error.generic'),
        retry: AJS.I18n.getText('failforward.dashboard.award.retry'),
        loginTitle: AJS.I18n.getText('failforward.dashboard.award.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.dashboard.award.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.dashboard.award.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.dashboard.award.forbidden.generic'),
        empty: AJS.I18n.getText('failforward.dashboard.award.empty'),
        phaseNominating: AJS.I18n.getText('failforward.dashboard.award.phase.nominating'),
        phaseVoting: AJS.I18n.getText('failforward.dashboard.award.phase.voting'),
        phaseClosed: AJS.I18n.getText('failforward.dashboard.award.phase.closed'),
        phaseUpcoming: AJS.I18n.getText('failforward.dashboard.award.phase.upcoming'),
        countdownDays: AJS.I18n.getText('failforward.dashboard.award.countdown.days'),
        countdownHours: AJS.I18n.getText('failforward.dashboard.award.countdown.hours'),
        countdownMinutes: AJS.I18n.getText('failforward.dashboard.award.countdown.minutes'),
        noNominees: AJS.I18n.getText('failforward.dashboard.award.nominees.none'),
        nominateHint: AJS.I18n.getText('failforward.dashboard.award.nominate.hint'),
        nominatedBy: AJS.I18n.getText('failforward.dashboard.award.nominee.by'),
        vote: AJS.I18n.getText('failforward.dashboard.award.vote'),
        voteFor: AJS.I18n.getText('failforward.dashboard.award.vote.label'),
        voting: AJS.I18n.getText('failforward.dashboard.award.vote.sending'),
        voted: AJS.I18n.getText('failforward.dashboard.award.voted'),
        thanks: AJS.I18n.getText('failforward.dashboard.award.vote.thanks'),
        secret: AJS.I18n.getText('failforward.dashboard.award.vote.secret'),
        winner: AJS.I18n.getText('failforward.dashboard.award.winner'),
        noWinner: AJS.I18n.getText('failforward.dashboard.award.winner.none'),
        votes: AJS.I18n.getText('failforward.dashboard.award.votes'),
        voters: AJS.I18n.getText('failforward.dashboard.award.voters'),
        tieBroken: AJS.I18n.getText('failforward.dashboard.award.tiebroken'),
        history: AJS.I18n.getText('failforward.dashboard.award.history'),
        historyHide: AJS.I18n.getText('failforward.dashboard.award.history.hide'),
        historyEmpty: AJS.I18n.getText('failforward.dashboard.award.history.empty'),
        historyNominees: AJS.I18n.getText('failforward.dashboard.award.history.nominees'),
        scopeLabel: AJS.I18n.getText('failforward.dashboard.award.edit.scope'),
        scopeHelp: AJS.I18n.getText('failforward.dashboard.award.edit.scope.description'),
        scopeInvalid: AJS.I18n.getText('failforward.dashboard.award.edit.scope.invalid'),
        save: AJS.I18n.getText('failforward.dashboard.award.edit.save'),
        cancel: AJS.I18n.getText('failforward.dashboard.award.edit.cancel')
    };

    var instances = 0;

    function scopeOf(preferences) {
        var key = String((preferences || {}).scope || '').trim().toLowerCase();
        return SCOPE_KEY.test(key) ? key : 'instance';
    }

    function longDate(instant) {
        var date = new Date(instant);
        return isNaN(date.getTime()) ? String(instant)
            : date.toLocaleDateString(locale(), {year: 'numeric', month: 'long', day: 'numeric'});
    }

    /** 3 days 4 hours / 5 hours 10 minutes / 12 minutes. */
    function countdown(seconds) {
        var minutes = Math.max(0, Math.floor(seconds / 60));
        var days = Math.floor(minutes / 1440);
        var hours = Math.floor((minutes % 1440) / 60);
        if (days > 0) {
            return format(TEXT.countdownDays, days, hours);
        }
        if (hours > 0) {
            return format(TEXT.countdownHours, hours, minutes % 60);
        }
        return format(TEXT.countdownMinutes, minutes);
    }

    function phaseText(award) {
        switch (award.phase) {
            case 'nominating':
                return format(TEXT.phaseNominating, longDate(award.votingOpens));
            case 'voting':
                return format(TEXT.phaseVoting, longDate(award.votingCloses));
            case 'upcoming':
                return format(TEXT.phaseUpcoming, longDate(award.nominationsOpen));
            default:
                return format(TEXT.phaseClosed, longDate(award.votingCloses));
        }
    }

    function recordLink(record, summary) {
        var link = el('a', 'ff-award-record', summary ? record + ' \u00b7 ' + summary : record);
        link.href = baseUrl() + '/browse/' + encodeURIComponent(record);
        return link;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the dashboard item

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.loads = 0;
        this.id = 'ff-award-' + (++instances);
        this.timer = null;
    }

    DashboardItem.prototype.render = function (element, preferences) {
        this.root = nodeOf(element);
        this.scope = scopeOf(preferences);
        this.load(null);
    };

    DashboardItem.prototype.reset = function (state) {
        if (this.timer) {
            window.clearInterval(this.timer);
            this.timer = null;
        }
        this.root.textContent = '';
        this.root.classList.add('ff-award-item');
        this.root.setAttribute('data-state', state);
    };

    /** GET the scope's awards; notice ({kind, text}) is shown above them. */
    DashboardItem.prototype.load = function (notice) {
        var self = this;
        kit.load(this, {
            url: REST_PATH + '?scope=' + encodeURIComponent(this.scope), loadingClass: 'ff-award-loading', texts: TEXT,
            retryClass: 'ff-award-retry',
            isData: function (body) {
                return Boolean(body.awards);
            },
            ok: function (body) {
                self.show(body, notice);
            },
            retry: function () {
                self.load(null);
            }
        });
    };

    DashboardItem.prototype.show = function (body, notice) {
        var self = this;
        this.API.setTitle(body.scope && body.scope.key !== 'instance'
            ? format(TEXT.titleScope, body.scope.name) : TEXT.title);
        this.reset(body.awards.length ? 'ready' : 'empty');
        if (notice) {
            this.root.appendChild(message(notice.kind, null, notice.text));
        }
        if (!body.awards.length) {
            this.root.appendChild(message('info', null, TEXT.empty));
        }
        var countdowns = [];
        body.awards.forEach(function (award) {
            self.root.appendChild(self.awardSection(award, countdowns));
        });
        this.root.appendChild(this.historySection());
        // the countdowns tick once a minute, from the server's secondsLeft (the browser's clock may be off)
        var started = Date.now();
        if (countdowns.length) {
            this.timer = window.setInterval(function () {
                countdowns.forEach(function (entry) {
                    entry.node.textContent = countdown(entry.seconds - (Date.now() - started) / 1000);
                });
            }, 60000);
        }
        this.API.resize();
    };

    DashboardItem.prototype.awardSection = function (award, countdowns) {
        var section = el('section', 'ff-award');
        section.setAttribute('data-award', award.id);
        section.setAttribute('data-phase', award.phase);
        section.setAttribute('data-voted', String(Boolean(award.voted)));
        var heading = el('h3', 'ff-award-label', award.label);
        section.appendChild(heading);
        var phase = el('p', 'ff-award-phase', phaseText(award));
        if (award.secondsLeft !== null && award.secondsLeft !== undefined) {
            var left = el('span', 'ff-award-countdown', countdown(award.secondsLeft));
            left.setAttribute('data-seconds-left', String(award.secondsLeft));
            phase.appendChild(document.createTextNode(' '));
            phase.appendChild(left);
            countdowns.push({node: left, seconds: award.secondsLeft});
        }
        section.appendChild(phase);
        var inline = el('div', 'ff-award-inline');
        inline.setAttribute('aria-live', 'polite');
        section.appendChild(inline);

        if (award.results) {
            section.appendChild(this.results(award));
            return section;
        }
        if (award.phase === 'voting' && award.voted) {
            section.appendChild(el('p', 'ff-award-voted', TEXT.voted));
        }
        if (!award.nominees.length) {
            section.appendChild(el('p', 'ff-award-none', award.phase === 'nominating'
                ? TEXT.nominateHint : TEXT.noNominees));
            return section;
        }
        var list = el('ul', 'ff-award-nominees');
        var self = this;
        award.nominees.forEach(function (nominee) {
            var item = el('li', 'ff-award-nominee');
            item.setAttribute('data-record', nominee.record);
            item.appendChild(recordLink(nominee.record, nominee.summary));
            item.appendChild(el('q', 'ff-award-reason', nominee.reason));
            item.appendChild(el('span', 'ff-award-nominator',
                format(TEXT.nominatedBy, nominee.nominator.name || nominee.nominator.key)));
            if (award.phase === 'voting' && !award.voted) {
                var button = el('button', 'aui-button ff-award-vote', TEXT.vote);
                button.type = 'button';
                button.setAttribute('aria-label', format(TEXT.voteFor, nominee.record));
                button.addEventListener('click', function () {
                    self.vote(award, nominee.record, button, inline);
                });
                item.appendChild(button);
            }
            list.appendChild(item);
        });
        section.appendChild(list);
        if (award.phase === 'voting' && !award.voted) {
            section.appendChild(el('p', 'ff-award-secret', TEXT.secret));
        }
        return section;
    };

    DashboardItem.prototype.results = function (award) {
        var results = award.results;
        var box = el('div', 'ff-award-results');
        var winner = award.nominees.filter(function (nominee) {
            return nominee.winner;
        })[0];
        if (winner) {
            var line = el('p', 'ff-award-winner');
            line.appendChild(el('strong', 'ff-award-badge ff-award-badge-winner', TEXT.winner));
            line.appendChild(document.createTextNode(' '));
            line.appendChild(recordLink(winner.record, winner.summary));
            box.appendChild(line);
            box.appendChild(el('q', 'ff-award-reason', winner.reason));
            if (results.tieBroken) {
                box.appendChild(el('p', 'ff-award-tie', TEXT.tieBroken));
            }
        } else {
            box.appendChild(el('p', 'ff-award-no-winner', TEXT.noWinner));
        }
        var list = el('ol', 'ff-award-ranking');
        award.nominees.forEach(function (nominee) {
            var item = el('li', 'ff-award-nominee' + (nominee.winner ? ' ff-award-nominee-winner' : ''));
            item.setAttribute('data-record', nominee.record);
            item.appendChild(recordLink(nominee.record, nominee.summary));
            item.appendChild(el('span', 'ff-award-votes', format(TEXT.votes, nominee.votes)));
            list.appendChild(item);
        });
        box.appendChild(list);
        box.appendChild(el('p', 'ff-award-voters', format(TEXT.voters, results.voters)));
        return box;
    };

    /**
     * POST one vote; a refusal (409: already voted, voting closed) is shown inline in the award's section, and as it is
     * final the award's Vote buttons go; other errors leave them to try again. While the
     * vote is on its way every Vote button of the award is disabled: a second click on another nominee would send a
     * second ballot, and whichever the server took first would count without the person knowing which.
     */
    DashboardItem.prototype.vote = function (award, record, button, inline) {
        var self = this;
        var section = inline.parentNode;
        var buttons = section ? Array.prototype.slice.call(section.querySelectorAll('.ff-award-vote')) : [button];
        function enable() {
            buttons.forEach(function (b) {
                b.disabled = false;
            });
            button.textContent = TEXT.vote;
        }
        buttons.forEach(function (b) {
            b.disabled = true;
        });
        button.textContent = TEXT.voting;
        inline.textContent = '';
        fetch(baseUrl() + REST_PATH + '/' + encodeURIComponent(award.id) + '/votes', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: JSON.stringify({record: record})
        }).then(function (response) {
            return readJson(response).then(function (body) {
                if (response.ok) {
                    self.load({kind: 'success', text: format(TEXT.thanks, longDate(award.votingCloses))});
                    return;
                }
                if (response.status === 401 || response.status === 403) {
                    self.reset('forbidden');
                    self.root.appendChild(kit.forbiddenBox(response.status, body, TEXT));
                    self.API.resize();
                    return;
                }
                if (response.status === 409) {
                    // final: this person voted already (in another tab, on another device) or voting closed
                    buttons.forEach(function (b) {
                        if (b.parentNode) {
                            b.parentNode.removeChild(b);
                        }
                    });
                } else {
                    enable();
                }
                var text = body && body.message ? body.message : serverMessage(body, TEXT.errorGeneric);
                inline.appendChild(message(response.status === 409 ? 'warning' : 'error', null, text));
                self.API.resize();
            });
        }, function () {
            enable();
            inline.appendChild(message('error', null, TEXT.errorGeneric));
            self.API.resize();
        });
    };

    /** "Past awards": loaded when first opened. */
    DashboardItem.prototype.historySection = function () {
        var self = this;
        var wrap = el('div', 'ff-award-history');
        var toggle = el('button', 'aui-button aui-button-link ff-award-history-toggle', TEXT.history);
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', 'false');
        var panel = el('div', 'ff-award-history-list');
        panel.id = this.id + '-history';
        panel.hidden = true;
        toggle.setAttribute('aria-controls', panel.id);
        var loaded = false;
        toggle.addEventListener('click', function () {
            var open = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', String(open));
            toggle.textContent = open ? TEXT.historyHide : TEXT.history;
            panel.hidden = !open;
            if (open && !loaded) {
                loaded = true;
                self.loadHistory(panel);
            }
            self.API.resize();
        });
        wrap.appendChild(toggle);
        wrap.appendChild(panel);
        return wrap;
    };

    DashboardItem.prototype.loadHistory = function (panel) {
        var self = this;
        panel.setAttribute('data-state', 'loading');
        panel.appendChild(el('p', 'ff-award-loading', TEXT.loading));
        fetch(baseUrl() + REST_PATH + '/history?scope=' + encodeURIComponent(this.scope), {
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'}
        }).then(function (response) {
            return readJson(response).then(function (body) {
                panel.textContent = '';
                if (!response.ok || !body || !body.awards) {
                    panel.setAttribute('data-state', 'error');
                    panel.appendChild(message('error', null, serverMessage(body, TEXT.errorGeneric)));
                } else if (!body.awards.length) {
                    panel.setAttribute('data-state', 'empty');
                    panel.appendChild(el('p', null, TEXT.historyEmpty));
                } else {
                    panel.setAttribute('data-state', 'ready');
                    var list = el('ul', 'ff-award-past');
                    body.awards.forEach(function (award) {
                        var item = el('li', 'ff-award-past-item');
                        item.setAttribute('data-award', award.id);
                        item.appendChild(el('strong', null, award.label));
                        item.appendChild(document.createTextNode(' '));
                        var winner = award.nominees.filter(function (nominee) {
                            return nominee.winner;
                        })[0];
                        if (winner) {
                            item.appendChild(el('span', 'ff-award-badge ff-award-badge-winner', TEXT.winner));
                            item.appendChild(document.createTextNode(' '));
                            item.appendChild(recordLink(winner.record, winner.summary));
                        } else {
                            item.appendChild(el('span', null, TEXT.noWinner));
                        }
                        item.appendChild(el('span', 'ff-award-past-nominees',
                            format(TEXT.historyNominees, award.nominees.length)));
                        list.appendChild(item);
                    });
                    panel.appendChild(list);
                }
                self.API.resize();
            });
        }, function () {
            panel.textContent = '';
            panel.setAttribute('data-state', 'error');
            panel.appendChild(message('error', null, TEXT.errorGeneric));
            self.API.resize();
        });
    };

    // ---------------------------------------------------------------------------------------------------------------
    // the edit form: the scope's key

    DashboardItem.prototype.renderEdit = function (element, preferences) {
        var self = this;
        this.loads++;
        this.root = nodeOf(element);
        this.reset('edit');
        this.root.removeAttribute('aria-busy');
        this.API.setTitle(TEXT.title);
        var form = el('form', 'aui ff-award-edit');
        form.noValidate = true;
        form.setAttribute('action', '#');
        var field = kit.textField(form, this.id + '-scope', TEXT.scopeLabel, TEXT.scopeHelp,
            String((preferences || {}).scope || 'instance'), 'medium-field');
        var cancel = kit.saveAndCancel(form, TEXT.save, TEXT.cancel).cancel;
        cancel.addEventListener('click', function () {
            self.API.closeEdit();
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var key = field.input.value.trim().toLowerCase() || 'instance';
            if (!SCOPE_KEY.test(key)) {
                kit.showFieldError(field, format(TEXT.scopeInvalid, field.input.value.trim()));
                field.input.focus();
                self.API.resize();
                return;
            }
            kit.clearFieldError(field);
            self.API.savePreferences({scope: key});
        });
        this.root.appendChild(form);
        this.API.resize();
    };

    return DashboardItem;
});
