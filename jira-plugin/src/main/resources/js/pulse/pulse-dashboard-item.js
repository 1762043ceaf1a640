/*
 * Fail Forward - failure-sharing pulse dashboard item (AMD module failforward/pulse-dashboard-item).
 *
 * Asks this period's pulse question for one project (preference "project", one key) and, once the user answered,
 * shows the results - only when enough people answered to keep them anonymous (the server decides: results.shown).
 *   GET  /rest/failforward/1.0/pulse?project=OPS                      the question, whether the user answered, results
 *   POST /rest/failforward/1.0/pulse {"project":"OPS","score":4}      201 with the same body (answered), 409 if the
 *                                                                     user already answered, 400 for a bad score
 * The root node carries data-state (loading|error|forbidden|empty|ready|edit) and, when ready, data-answered. Server
 * text only reaches the page through textContent. Messages with {0} are filled in by format() here.
 */
define('failforward/pulse-dashboard-item', ['jquery', 'failforward/dashboard-kit'], function ($, kit) {
    'use strict';

    var el = kit.el;
    var format = kit.format;
    var nodeOf = kit.nodeOf;
    var locale = kit.locale;
    var baseUrl = kit.baseUrl;
    var message = kit.message;
    var serverMessage = kit.serverMessage;
    var readJson = kit.readJson;

    var REST_PATH = '/rest/failforward/1.0/pulse';
    var PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

    var TEXT = {
        title: AJS.I18n.getText('failforward.dashboard.pulse.title'),
        titleProject: AJS.I18n.getText('failforward.dashboard.pulse.title.project'),
        loading: AJS.I18n.getText('failforward.dashboard.pulse.loading'),
        errorTitle: AJS.I18n.getText('failforward.dashboard.pulse.error.title'),
        errorGeneric: AJS.I18n.getText('failforward.dashboard.pulse.error.generic'),
        retry: AJS.I18n.getText('failforward.dashboard.pulse.retry'),
        loginTitle: AJS.I18n.getText('failforward.dashboard.pulse.forbidden.login'),
        loginLink: AJS.I18n.getText('failforward.dashboard.pulse.forbidden.login.link'),
        forbiddenTitle: AJS.I18n.getText('failforward.dashboard.pulse.forbidden.title'),
        forbiddenGeneric: AJS.I18n.getText('failforward.dashboard.pulse.forbidden.generic'),
        notConfigured: AJS.I18n.getText('failforward.dashboard.pulse.notconfigured'),
        scaleOption: AJS.I18n.getText('failforward.dashboard.pulse.scale.option'),
        submit: AJS.I18n.getText('failforward.dashboard.pulse.submit'),
        choose: AJS.I18n.getText('failforward.dashboard.pulse.choose'),
        sending: AJS.I18n.getText('failforward.dashboard.pulse.sending'),
        thanks: AJS.I18n.getText('failforward.dashboard.pulse.thanks'),
        answered: AJS.I18n.getText('failforward.dashboard.pulse.answered'),
        answeredNoNext: AJS.I18n.getText('failforward.dashboard.pulse.answered.nonext'),
        favourable: AJS.I18n.getText('failforward.dashboard.pulse.results.favourable'),
        answers: AJS.I18n.getText('failforward.dashboard.pulse.results.answers'),
        barCount: AJS.I18n.getText('failforward.dashboard.pulse.results.count'),
        distribution: AJS.I18n.getText('failforward.dashboard.pulse.results.distribution'),
        withheld: AJS.I18n.getText('failforward.dashboard.pulse.results.withheld'),
        soFar: AJS.I18n.getText('failforward.dashboard.pulse.results.sofar'),
        resultsFor: AJS.I18n.getText('failforward.dashboard.pulse.results.title'),
        projectLabel: AJS.I18n.getText('failforward.dashboard.pulse.edit.project'),
        projectHelp: AJS.I18n.getText('failforward.dashboard.pulse.edit.project.description'),
        projectInvalid: AJS.I18n.getText('failforward.dashboard.pulse.edit.project.invalid'),
        projectRequired: AJS.I18n.getText('failforward.dashboard.pulse.edit.project.required'),
        save: AJS.I18n.getText('failforward.dashboard.pulse.edit.save'),
        cancel: AJS.I18n.getText('failforward.dashboard.pulse.edit.cancel')
    };

    var instances = 0;

    // ---------------------------------------------------------------------------------------------------------------
    // small helpers

    function percent(share) {
        return Number(share).toLocaleString(locale(), {style: 'percent', maximumFractionDigits: 0});
    }

    /** "2026-12-01" as a long date in the user's language; the date is a calendar day, so it is read in UTC. */
    function longDate(isoDate) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate || '');
        if (!parts) {
            return isoDate;
        }
        return new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])))
            .toLocaleDateString(locale(), {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'});
    }

    function projectOf(preferences) {
        var key = String((preferences || {}).project || '').trim().toUpperCase();
        return PROJECT_KEY.test(key) ? key : '';
    }




    // ---------------------------------------------------------------------------------------------------------------
    // the dashboard item

    function DashboardItem(API, options) {
        this.API = API;
        this.options = options || {};
        this.loads = 0; // a newer render() makes earlier responses stale
        this.id = 'ff-pulse-' + (++instances);
    }

    DashboardItem.prototype.render = function (element, preferences) {
        var project = projectOf(preferences);
        if (!project && this.API.isEditable()) {
            this.renderEdit(element, preferences); // Jira convention: a new item opens its settings first
            return;
        }
        this.root = nodeOf(element);
        this.project = project;
        if (!project) {
            this.reset('empty');
            this.API.setTitle(TEXT.title);
            this.root.appendChild(message('info', null, TEXT.notConfigured));
            this.API.resize();
            return;
        }
        this.load(null);
    };

    /** GET the pulse; notice ({kind, text}) is shown above what comes back. */
    DashboardItem.prototype.load = function (notice) {
        var self = this;
        this.API.setTitle(format(TEXT.titleProject, this.project));
        kit.load(this, {
            url: REST_PATH + '?project=' + encodeURIComponent(this.project), loadingClass: 'ff-pulse-loading',
            texts: TEXT, retryClass: 'ff-pulse-retry',
            isData: function (body) {
                return Boolean(body.question);
            },
            ok: function (body) {
                self.show(body, notice);
            },
            retry: function () {
                self.load(null);
            }
        });
    };

    DashboardItem.prototype.reset = function (state) {
        var root = this.root;
        root.textContent = '';
        root.classList.add('ff-pulse-item');
        root.removeAttribute('data-answered');
        root.setAttribute('data-state', state);
    };

    DashboardItem.prototype.showForbidden = function (status, body) {
        kit.showForbidden(this, status, body, TEXT);
    };

    /** The question (not answered yet) or the results (answered), after an optional notice. */
    DashboardItem.prototype.show = function (pulse, notice) {
        this.reset('ready');
        this.root.setAttribute('data-answered', String(Boolean(pulse.answered)));
        if (notice) {
            this.root.appendChild(message(notice.kind, null, notice.text));
        }
        if (pulse.answered) {
            this.showResults(pulse);
        } else {
            this.showQuestion(pulse);
        }
        this.API.resize();
    };

    DashboardItem.prototype.showQuestion = function (pulse) {
        var self = this;
        var ids = this.id + '-';
        var form = el('form', 'aui ff-pulse-form');
        form.noValidate = true;
        form.setAttribute('action', '#');

        var group = el('fieldset', 'group ff-pulse-question');
        group.appendChild(el('legend')).appendChild(el('span', null, pulse.question));
        var radios = (pulse.scale || []).map(function (step) {
            var wrap = el('div', 'radio');
            var input = el('input', 'radio');
            input.type = 'radio';
            input.name = ids + 'score';
            input.id = ids + 'score-' + step.score;
            input.value = String(step.score);
            var label = el('label', null, format(TEXT.scaleOption, step.score, step.label));
            label.htmlFor = input.id;
            wrap.appendChild(input);
            wrap.appendChild(label);
            group.appendChild(wrap);
            return input;
        });
        var error = el('div', 'error');
        error.id = ids + 'score-error';
        error.setAttribute('aria-live', 'assertive');
        group.setAttribute('aria-describedby', error.id);
        group.appendChild(error);
        form.appendChild(group);

        var submit = el('button', 'aui-button aui-button-primary ff-pulse-submit', TEXT.submit);
        submit.type = 'submit';
        form.appendChild(el('div', 'buttons-container')).appendChild(el('div', 'buttons')).appendChild(submit);
        if (pulse.anonymityNote) {
            form.appendChild(el('p', 'ff-pulse-anonymity', pulse.anonymityNote));
        }

        function fail(text) {
            error.textContent = text;
            group.setAttribute('aria-invalid', 'true');
            submit.disabled = false;
            submit.textContent = TEXT.submit;
            form.removeAttribute('aria-busy');
            self.API.resize();
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var chosen = radios.filter(function (input) {
                return input.checked;
            })[0];
            error.textContent = '';
            group.removeAttribute('aria-invalid');
            if (!chosen) {
                fail(TEXT.choose);
                (radios[0] || submit).focus();
                return;
            }
            submit.disabled = true;
            submit.textContent = TEXT.sending;
            form.setAttribute('aria-busy', 'true');
            self.answer(Number(chosen.value), fail);
        });

        this.root.appendChild(form);
    };

    /** POSTs the answer; fail(text) puts a message under the radio group. */
    DashboardItem.prototype.answer = function (score, fail) {
        var self = this;
        var load = ++this.loads;
        fetch(baseUrl() + REST_PATH, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'},
            body: JSON.stringify({project: this.project, score: score})
        }).then(function (response) {
            return readJson(response).then(function (body) {
                if (load !== self.loads) {
                    return;
                }
                if (response.ok && body && body.question) {
                    self.show(body, {kind: 'success', text: TEXT.thanks});
                } else if (response.status === 409) {
                    self.load({kind: 'info', text: serverMessage(body, TEXT.errorGeneric)});
                } else if (response.status === 401 || response.status === 403) {
                    self.showForbidden(response.status, body);
                } else {
                    fail(serverMessage(body, TEXT.errorGeneric));
                }
            });
        }, function () {
            if (load === self.loads) {
                fail(TEXT.errorGeneric);
            }
        });
    };

    DashboardItem.prototype.showResults = function (pulse) {
        var root = this.root;
        var period = pulse.period || {};
        root.appendChild(el('p', 'ff-pulse-question-text', pulse.question));
        root.appendChild(el('p', 'ff-pulse-answered', pulse.nextPeriodStart
            ? format(TEXT.answered, period.label || period.key, longDate(pulse.nextPeriodStart))
            : format(TEXT.answeredNoNext, period.label || period.key)));

        // this period's answers are only counted: a result that changes while people answer would reveal each answer
        root.appendChild(el('p', 'ff-pulse-so-far', format(TEXT.soFar, pulse.answersSoFar || 0)));
        var results = pulse.previous || {};
        var section = el('div', 'ff-pulse-results');
        section.appendChild(el('h3', 'ff-pulse-results-title', format(TEXT.resultsFor, results.label || results.period)));
        if (!results.shown || !results.distribution) {
            section.appendChild(el('p', 'ff-pulse-withheld', format(TEXT.withheld, results.minAnswers, results.answers || 0)));
            root.appendChild(section);
            return;
        }

        var favourable = el('p', 'ff-pulse-favourable');
        favourable.appendChild(el('span', 'ff-pulse-share', percent(results.favourableShare)));
        favourable.appendChild(el('span', 'ff-pulse-share-label', TEXT.favourable));
        section.appendChild(favourable);

        var total = results.distribution.reduce(function (sum, count) {
            return sum + count;
        }, 0);
        var list = el('ul', 'ff-pulse-distribution');
        list.setAttribute('aria-label', TEXT.distribution);
        (pulse.scale || []).slice().reverse().forEach(function (step) {
            var count = results.distribution[step.score - 1] || 0;
            var share = total ? count / total : 0;
            var item = el('li', 'ff-pulse-bar-row');
            item.setAttribute('data-score', String(step.score));
            item.appendChild(el('span', 'ff-pulse-bar-label', format(TEXT.scaleOption, step.score, step.label)));
            var bar = el('span', 'ff-pulse-bar');
            bar.setAttribute('aria-hidden', 'true');
            var fill = el('span', 'ff-pulse-bar-fill');
            fill.style.width = (share * 100).toFixed(1) + '%';
            bar.appendChild(fill);
            item.appendChild(bar);
            item.appendChild(el('span', 'ff-pulse-bar-count', format(TEXT.barCount, count, percent(share))));
            list.appendChild(item);
        });
        section.appendChild(list);
        section.appendChild(el('p', 'ff-pulse-total', format(TEXT.answers, results.answers)));
        root.appendChild(section);
    };

    // ---------------------------------------------------------------------------------------------------------------
    // the edit form: one project key

    DashboardItem.prototype.renderEdit = function (element, preferences) {
        var self = this;
        var id = this.id + '-project';
        this.loads++; // a response still on its way must not replace the form
        this.root = nodeOf(element);
        this.reset('edit');
        this.root.removeAttribute('aria-busy');
        this.API.setTitle(TEXT.title);

        var form = el('form', 'aui ff-pulse-edit');
        form.noValidate = true;
        form.setAttribute('action', '#');
        var field = kit.textField(form, id, TEXT.projectLabel, TEXT.projectHelp,
            String((preferences || {}).project || ''), 'medium-field');
        var input = field.input;
        input.required = true;
        var cancel = kit.saveAndCancel(form, TEXT.save, TEXT.cancel).cancel;

        cancel.addEventListener('click', function () {
            self.API.closeEdit();
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var key = input.value.trim().toUpperCase();
            if (!PROJECT_KEY.test(key)) {
                kit.showFieldError(field, key ? format(TEXT.projectInvalid, input.value.trim()) : TEXT.projectRequired);
                input.focus();
                self.API.resize();
                return;
            }
            kit.clearFieldError(field);
            self.API.savePreferences({project: key});
        });

        this.root.appendChild(form);
        this.API.resize();
    };

    return DashboardItem;
});
