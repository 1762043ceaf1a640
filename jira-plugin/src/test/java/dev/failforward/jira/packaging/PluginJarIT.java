package dev.failforward.jira.packaging;

import dev.failforward.buildtools.verify.PluginJarContract;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks the built Jira plugin jar the way Jira would see it (runs after package, in mvn verify). */
class PluginJarIT extends PluginJarContract {

    @Override
    protected String pluginKey() {
        return "dev.failforward.jira";
    }

    @Override
    protected List<String> expectedComponents() {
        return List.of(
                "dev.failforward.jira.archive.LearningArchiveService",
                "dev.failforward.jira.award.AwardService",
                "dev.failforward.jira.award.AwardSettings",
                "dev.failforward.jira.counts.CountReindexer",
                "dev.failforward.jira.counts.FailureCounts",
                "dev.failforward.jira.failuredb.FailureDbService",
                "dev.failforward.jira.failuredb.FollowUpService",
                "dev.failforward.jira.fields.IssueFields",
                "dev.failforward.jira.followup.JiraFollowUpIssues",
                "dev.failforward.jira.huddle.HuddleService",
                "dev.failforward.jira.hypothesis.HypothesisCheckService",
                "dev.failforward.jira.importing.ApplinksConfluencePages",
                "dev.failforward.jira.importing.ConfluenceImport",
                "dev.failforward.jira.importing.ImportJobScheduler",
                "dev.failforward.jira.importing.ImportJobs",
                "dev.failforward.jira.importing.ImportMappingStore",
                "dev.failforward.jira.importing.ImportService",
                "dev.failforward.jira.importing.JiraImportPermissions",
                "dev.failforward.jira.importing.JiraImportRunAs",
                "dev.failforward.jira.importing.JiraImportedIssueLookup",
                "dev.failforward.jira.importing.JiraIncidentIssues",
                "dev.failforward.jira.importing.JiraOwnerDirectory",
                "dev.failforward.jira.kpi.JiraKpiFilters",
                "dev.failforward.jira.kpi.JiraKpiUserContext",
                "dev.failforward.jira.kpi.KpiApplier",
                "dev.failforward.jira.kpi.KpiSearchLinks",
                "dev.failforward.jira.kpi.KpiService",
                "dev.failforward.jira.mail.JiraMailQueueOutbox",
                "dev.failforward.jira.panels.JiraUserDates",
                "dev.failforward.jira.permissions.JiraRecordPermissions",
                "dev.failforward.jira.persistence.AoActionItemRepository",
                "dev.failforward.jira.persistence.AoAwards",
                "dev.failforward.jira.persistence.AoCultureCounts",
                "dev.failforward.jira.persistence.AoDigestSubscribers",
                "dev.failforward.jira.persistence.AoFailureRecordRepository",
                "dev.failforward.jira.persistence.AoFollowUps",
                "dev.failforward.jira.persistence.AoHuddles",
                "dev.failforward.jira.persistence.AoImportJobs",
                "dev.failforward.jira.persistence.AoImportSources",
                "dev.failforward.jira.persistence.AoLearningArchive",
                "dev.failforward.jira.persistence.AoLearningRepository",
                "dev.failforward.jira.persistence.AoLearningReuses",
                "dev.failforward.jira.persistence.AoPulseStore",
                "dev.failforward.jira.persistence.AoRecordTextStore",
                "dev.failforward.jira.persistence.AoRecurrenceSuggestions",
                "dev.failforward.jira.persistence.AoReminderClaims",
                "dev.failforward.jira.persistence.AoSearchChangeLog",
                "dev.failforward.jira.persistence.AoSearchableRecordSource",
                "dev.failforward.jira.persistence.AoShowcaseQueries",
                "dev.failforward.jira.persistence.AoWhyStepRepository",
                "dev.failforward.jira.persistence.KpiIndex",
                "dev.failforward.jira.persistence.KpiStore",
                "dev.failforward.jira.projection.BackfillJob",
                "dev.failforward.jira.projection.BackfillProgressStore",
                "dev.failforward.jira.projection.BackfillScheduler",
                "dev.failforward.jira.projection.BackfillSearch",
                "dev.failforward.jira.projection.IssueEventListener",
                "dev.failforward.jira.projection.JiraIssueProjection",
                "dev.failforward.jira.projection.JiraRecurrenceLinks",
                "dev.failforward.jira.projection.LegacyTextMigration",
                "dev.failforward.jira.projection.ProjectedIncidentRecords",
                "dev.failforward.jira.projection.ProjectionQueue",
                "dev.failforward.jira.projection.ProjectionSetup",
                "dev.failforward.jira.pulse.PulseService",
                "dev.failforward.jira.pulse.PulseSettings",
                "dev.failforward.jira.recurrence.RecurrenceDetector",
                "dev.failforward.jira.recurrence.RecurrenceJob",
                "dev.failforward.jira.recurrence.RecurrenceService",
                "dev.failforward.jira.reminder.FollowUpReminderJob",
                "dev.failforward.jira.reminder.FollowUpScheduler",
                "dev.failforward.jira.reminder.JiraRecipients",
                "dev.failforward.jira.reminder.ReminderMails",
                "dev.failforward.jira.reminder.ReminderSettings",
                "dev.failforward.jira.reminder.WeeklyDigestJob",
                "dev.failforward.jira.rest.JiraRestPlugin",
                "dev.failforward.jira.retro.RetroPageLinks",
                "dev.failforward.jira.reuse.LearningReuseService",
                "dev.failforward.jira.reuse.OnThisDay",
                "dev.failforward.jira.reuse.RelatedLearnings",
                "dev.failforward.jira.search.node.DefaultIndexEngine",
                "dev.failforward.jira.search.node.NodeSearchIndex",
                "dev.failforward.jira.secrets.SharedHomeSecretStore",
                "dev.failforward.jira.setup.JiraFieldRegistry",
                "dev.failforward.jira.setup.JiraFields",
                "dev.failforward.jira.setup.JiraIssueTypes",
                "dev.failforward.jira.setup.JiraLinkTypes",
                "dev.failforward.jira.setup.JiraScreens",
                "dev.failforward.jira.setup.JiraSetupService",
                "dev.failforward.jira.setup.JiraStatuses",
                "dev.failforward.jira.setup.JiraWorkflows",
                "dev.failforward.jira.showcase.ShowcaseService",
                "dev.failforward.jira.similar.DatabaseRecordText",
                "dev.failforward.jira.similar.NodeSearchIndexAccess",
                "dev.failforward.jira.similar.SimilarFailures",
                "dev.failforward.jira.stopcheck.BreachComments",
                "dev.failforward.jira.stopcheck.BreachMemory",
                "dev.failforward.jira.stopcheck.RunningExperiments",
                "dev.failforward.jira.stopcheck.StopCheckJob",
                "dev.failforward.jira.stopcheck.StopCheckScheduler",
                "dev.failforward.jira.users.SalUserDirectory",
                "dev.failforward.jira.workflow.IssueSnapshots",
                "dev.failforward.jira.workflow.JiraTransitionScreens",
                "dev.failforward.jira.workflow.ProblemReporter",
                "dev.failforward.jira.workflow.WorkflowRules");
    }

    @Override
    protected List<String> expectedImports() {
        return List.of(
                "com.atlassian.activeobjects.external.ActiveObjects",
                "com.atlassian.applinks.api.ApplicationLinkService",
                "com.atlassian.beehive.ClusterLockService",
                "com.atlassian.event.api.EventPublisher",
                "com.atlassian.jira.avatar.AvatarManager",
                "com.atlassian.jira.bc.filter.SearchRequestService",
                "com.atlassian.jira.bc.issue.IssueService",
                "com.atlassian.jira.bc.issue.link.RemoteIssueLinkService",
                "com.atlassian.jira.bc.issue.search.SearchService",
                "com.atlassian.jira.bc.user.search.UserSearchService",
                "com.atlassian.jira.config.ConstantsManager",
                "com.atlassian.jira.config.IssueTypeManager",
                "com.atlassian.jira.config.StatusCategoryManager",
                "com.atlassian.jira.config.StatusManager",
                "com.atlassian.jira.datetime.DateTimeFormatter",
                "com.atlassian.jira.datetime.DateTimeFormatterFactory",
                "com.atlassian.jira.issue.CustomFieldManager",
                "com.atlassian.jira.issue.IssueManager",
                "com.atlassian.jira.issue.comments.CommentManager",
                "com.atlassian.jira.issue.customfields.manager.OptionsManager",
                "com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager",
                "com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager",
                "com.atlassian.jira.issue.fields.screen.FieldScreenManager",
                "com.atlassian.jira.issue.fields.screen.FieldScreenSchemeManager",
                "com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeManager",
                "com.atlassian.jira.issue.index.IssueIndexingService",
                "com.atlassian.jira.issue.link.IssueLinkManager",
                "com.atlassian.jira.issue.link.IssueLinkTypeManager",
                "com.atlassian.jira.issue.link.RemoteIssueLinkManager",
                "com.atlassian.jira.project.ProjectManager",
                "com.atlassian.jira.security.JiraAuthenticationContext",
                "com.atlassian.jira.security.PermissionManager",
                "com.atlassian.jira.timezone.TimeZoneManager",
                "com.atlassian.jira.user.util.UserManager",
                "com.atlassian.jira.util.I18nHelper$BeanFactory",
                "com.atlassian.jira.workflow.WorkflowManager",
                "com.atlassian.jira.workflow.WorkflowSchemeManager",
                "com.atlassian.mail.queue.MailQueue",
                "com.atlassian.sal.api.ApplicationProperties",
                "com.atlassian.sal.api.auth.LoginUriProvider",
                "com.atlassian.sal.api.message.I18nResolver",
                "com.atlassian.sal.api.message.LocaleResolver",
                "com.atlassian.sal.api.pluginsettings.PluginSettingsFactory",
                "com.atlassian.sal.api.user.UserManager#salUserManager",
                "com.atlassian.sal.api.websudo.WebSudoManager",
                "com.atlassian.scheduler.SchedulerService",
                "com.atlassian.templaterenderer.TemplateRenderer",
                "com.atlassian.webresource.api.assembler.PageBuilderService");
    }

    @Override
    protected Map<String, String> expectedThirdPartyImports() {
        Map<String, String> imports = new TreeMap<>(SHARED_THIRD_PARTY_IMPORTS);
        imports.put("com.opensymphony.module.propertyset", "");
        imports.put("com.opensymphony.workflow", "");
        imports.put("com.opensymphony.workflow.loader", "");
        imports.put("jakarta.servlet.http", "[6.0,7)");
        imports.put("net.java.ao", "0");
        imports.put("net.java.ao.schema", "0");
        imports.put("org.ofbiz.core.entity", "");
        imports.put("org.springframework.beans.factory", "");
        return imports;
    }

    @Override
    protected String bundledDomainClass() {
        return "dev.failforward.core.hypothesis.HypothesisLinter";
    }
}
