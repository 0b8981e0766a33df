using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Inspections;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Every aggregate saved in one unit of work reads back equal in another, on PostgreSQL.</summary>
public sealed class AggregateRoundTripTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartPostgresAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Organizations_plan_years_projects_and_files_round_trip()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());

        await using var db = _host.NewContext();
        var project = await db.PlanProjects.SingleAsync(p => p.Id == graph.Project.Id);
        Assert.Equal((graph.Project.Year, graph.Project.ProjectNumber, graph.Project.Name, graph.Project.Field), (project.Year, project.ProjectNumber, project.Name, project.Field));
        Assert.Equal((graph.Applicant.Id, graph.Host.Id), (project.ApplicantOrganizationId, project.HostOrganizationId));
        var host = await db.Organizations.SingleAsync(o => o.Id == graph.Host.Id);
        Assert.Equal((graph.Host.Name, graph.Host.City), (host.Name, host.City));
        var year = await db.PlanYears.SingleAsync(y => y.Year == graph.Project.Year);
        Assert.Equal(graph.Year.CompletionDeadline, year.CompletionDeadline);
        Assert.Equal(graph.Year.CertificateNumberPattern, year.CertificateNumberPattern);
        var file = await db.StoredFiles.SingleAsync(f => f.Id == graph.Plan.Id);
        Assert.Equal((graph.Plan.FileName, graph.Plan.ContentType, graph.Plan.Length), (file.FileName, file.ContentType, file.Length));
        Assert.Equal(graph.Plan.Content, file.Content);
        Assert.Equal(graph.Plan.UploadedAt, file.UploadedAt);
    }

    [Fact]
    public async Task A_filing_keeps_details_sessions_attachments_and_history()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());

        await using var db = _host.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == graph.Project.Id);
        var saved = graph.Filing;
        Assert.Equal(FilingStatus.Approved, filing.Status);
        Assert.Equal(saved.Dates, filing.Dates);
        Assert.Equal((saved.Venue, saved.ContactPerson, saved.OfficePhone, saved.Mobile, saved.PlannedTraineeCount),
            (filing.Venue, filing.ContactPerson, filing.OfficePhone, filing.Mobile, filing.PlannedTraineeCount));
        Assert.Equal(saved.ExpertSessions, filing.ExpertSessions);
        Assert.Equal(24.5m, filing.TotalHours);
        Assert.Equal(saved.ImplementationPlan, filing.ImplementationPlan);
        Assert.Equal(saved.Notice, filing.Notice);
        Assert.True(filing.AttestedOfflineAndFree);
        Assert.Equal(saved.SubmittedAt, filing.SubmittedAt);
        Assert.Equal(saved.ApprovedAt, filing.ApprovedAt);
        Assert.Equal(saved.Transitions, filing.Transitions);
        Assert.Equal(PortalClock.ChinaOffset, filing.ApprovedAt!.Value.Offset);
    }

    [Fact]
    public async Task A_draft_filing_without_dates_or_attachments_reads_back_empty()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var otherProject = PlanProject(graph.Applicant, graph.Host);
        var draft = Filing.Start(otherProject.Id);
        await using (var db = _host.NewContext())
        {
            db.AddRange(otherProject, draft);
            await db.SaveChangesAsync();
        }

        await using var read = _host.NewContext();
        var loaded = await read.Filings.SingleAsync(f => f.Id == draft.Id);
        Assert.Equal(FilingStatus.Draft, loaded.Status);
        Assert.Null(loaded.Dates);
        Assert.Null(loaded.ImplementationPlan);
        Assert.Empty(loaded.ExpertSessions);
        Assert.Empty(loaded.Transitions);
    }

    [Fact]
    public async Task Receipts_roster_outcomes_party_group_close_out_and_spot_checks_round_trip()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var receipt = Receipt(graph.Filing, IdNumber(1), "刘学员", Gender.Female);
        Ok(receipt.Accept(Organizer, Now));
        var entry = Ok(RosterEntry.FromReceipt(receipt, 1));
        Ok(entry.RecordResult(24m, passed: true, graph.Filing, SeminarStart));
        Ok(CertificateIssuer.Assign([entry], graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));
        var outcome = Ok(ResearchOutcome.Submit(graph.Project.Id, entry.Id, "智慧农业实践", "成果摘要", graph.Notice.Id, Now));
        Ok(outcome.Recommend(0, 30));
        Ok(outcome.Select());
        var group = PartyGroup.Start(graph.Project.Id);
        Ok(group.AddMember(GroupBody.PartyGroup, "刘学员", "党小组组长", entry.Id));
        Ok(group.AddMember(GroupBody.ClassCommittee, "陈学员", "班长", null));
        Ok(group.AddActivity(Today, PartyActivityKind.PoliticalStudy, "学习二十届三中全会精神", null, Today));
        Ok(group.AddActivity(Today, PartyActivityKind.Other, "参观红色教育基地", "现场教学", Today));
        var closeOut = CompleteCloseOut(graph.Project.Id);
        Ok(closeOut.SetUnderstaffedExplanation("报名人数不足。"));
        Ok(closeOut.Submit(Organizer, Now, AfterSeminar, SeminarEnd, 1, Calendar));
        Ok(closeOut.Accept(Reviewer, Now.AddHours(2), "验收通过"));
        var spotCheck = Ok(SpotCheck.Record(graph.Project.Id, Today, "省人社厅检查组", "教学秩序良好。", Reviewer, Today, Now));
        var audit = new AuditEntry(Now, Reviewer.UserId, Reviewer.DisplayName, "Filing.Approved", graph.Project.Id, graph.Project.ProjectNumber, "同意备案");
        await using (var db = _host.NewContext())
        {
            db.AddRange(receipt, entry, outcome, group, closeOut, spotCheck, audit);
            await db.SaveChangesAsync();
        }

        await using var read = _host.NewContext();
        var loadedReceipt = await read.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id);
        Assert.Equal(receipt.Form, loadedReceipt.Form);
        Assert.Equal(receipt.IdNumber, loadedReceipt.IdNumber);
        Assert.Equal((receipt.Status, receipt.DecidedBy, receipt.DecidedAt, receipt.SubmittedAt),
            (loadedReceipt.Status, loadedReceipt.DecidedBy, loadedReceipt.DecidedAt, loadedReceipt.SubmittedAt));

        var loadedEntry = await read.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        Assert.Equal((entry.Sequence, entry.Name, entry.Gender, entry.IdNumber, entry.WorkUnit, entry.ProfessionalTitle, entry.Phone),
            (loadedEntry.Sequence, loadedEntry.Name, loadedEntry.Gender, loadedEntry.IdNumber, loadedEntry.WorkUnit, loadedEntry.ProfessionalTitle, loadedEntry.Phone));
        Assert.Equal((24m, true, entry.CertificateNumber, receipt.Id), (loadedEntry.CompletedHours, loadedEntry.Passed, loadedEntry.CertificateNumber, loadedEntry.ReceiptId));
        Assert.StartsWith("SDGY2025-", loadedEntry.CertificateNumber);

        var loadedOutcome = await read.ResearchOutcomes.SingleAsync(o => o.Id == outcome.Id);
        Assert.Equal((outcome.Title, outcome.Summary, outcome.FileId, outcome.AuthorRosterEntryId, true, true, outcome.SubmittedAt),
            (loadedOutcome.Title, loadedOutcome.Summary, loadedOutcome.FileId, loadedOutcome.AuthorRosterEntryId, loadedOutcome.IsRecommended, loadedOutcome.IsSelected, loadedOutcome.SubmittedAt));

        var loadedGroup = await read.PartyGroups.SingleAsync(g => g.Id == group.Id);
        // Members and activities are rows of their own tables: their order is not kept (pages sort them).
        Assert.Equal(
            group.Members.Select(m => (m.Id, m.Body, m.Name, m.Role, m.RosterEntryId)).Order(),
            loadedGroup.Members.Select(m => (m.Id, m.Body, m.Name, m.Role, m.RosterEntryId)).Order());
        Assert.Equal(
            group.Activities.Select(a => (a.Id, a.Date, a.Kind, a.Summary, a.KindLabel)).Order(),
            loadedGroup.Activities.Select(a => (a.Id, a.Date, a.Kind, a.Summary, a.KindLabel)).Order());

        var loadedCloseOut = await read.CloseOuts.SingleAsync(c => c.Id == closeOut.Id);
        Assert.Equal(CloseOutStatus.Accepted, loadedCloseOut.Status);
        Assert.Equal(closeOut.Report, loadedCloseOut.Report);
        Assert.Equal(closeOut.Acceptance, loadedCloseOut.Acceptance);
        Assert.Equal(90, loadedCloseOut.Acceptance.AcceptanceResult!.Value);
        Assert.Equal((closeOut.UnderstaffedExplanation, closeOut.DueDate, closeOut.IsOverdue, closeOut.WorkingDaysLate, closeOut.IsUnderstaffed, closeOut.RosterSizeAtSubmission),
            (loadedCloseOut.UnderstaffedExplanation, loadedCloseOut.DueDate, loadedCloseOut.IsOverdue, loadedCloseOut.WorkingDaysLate, loadedCloseOut.IsUnderstaffed, loadedCloseOut.RosterSizeAtSubmission));
        Assert.Equal(closeOut.Transitions, loadedCloseOut.Transitions);

        var loadedCheck = await read.SpotChecks.SingleAsync(c => c.Id == spotCheck.Id);
        Assert.Equal((spotCheck.Date, spotCheck.Inspector, spotCheck.Findings, spotCheck.RecordedByName, spotCheck.RecordedAt),
            (loadedCheck.Date, loadedCheck.Inspector, loadedCheck.Findings, loadedCheck.RecordedByName, loadedCheck.RecordedAt));

        var loadedAudit = await read.AuditEntries.SingleAsync(a => a.Id == audit.Id);
        Assert.Equal((audit.At, audit.UserName, audit.Action, audit.PlanProjectId, audit.Subject, audit.Details),
            (loadedAudit.At, loadedAudit.UserName, loadedAudit.Action, loadedAudit.PlanProjectId, loadedAudit.Subject, loadedAudit.Details));
    }

    [Fact]
    public async Task The_seeded_official_calendar_loads_as_the_working_day_calendar()
    {
        await using var db = _host.NewContext();
        var calendar = await new CalendarService(db, new SharedCalendar(TimeProvider.System)).LoadAsync();

        Assert.True(calendar.IsPublished(2024) && calendar.IsPublished(2025) && calendar.IsPublished(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 10, 12)));
        Assert.Equal(new DateOnly(2024, 9, 25), FilingDeadlines.LatestFilingDate(new DateOnly(2024, 10, 14), calendar).Date);
    }

    [Fact]
    public async Task The_calendar_is_read_once_and_shared_until_a_change_is_saved_or_it_is_30_seconds_old()
    {
        var time = new SteppedTime();
        var shared = new SharedCalendar(time);
        await using var db = _host.NewContext();
        var request = new CalendarService(db, shared);
        var first = await request.LoadAsync();

        Assert.Same(first, await request.LoadAsync());
        time.Advance(SharedCalendar.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Same(first, await new CalendarService(db, shared).LoadAsync());

        time.Advance(TimeSpan.FromSeconds(1));
        var reloaded = await new CalendarService(db, shared).LoadAsync();
        Assert.NotSame(first, reloaded);

        var saving = new CalendarService(db, shared);
        Assert.Same(reloaded, await saving.LoadAsync());
        saving.Changed();
        Assert.NotSame(reloaded, await saving.LoadAsync());
    }

    [Fact]
    public void A_calendar_loaded_before_a_change_is_not_kept_after_it()
    {
        var shared = new SharedCalendar(TimeProvider.System);
        var versionAtLoad = shared.Version;

        shared.Invalidate();
        shared.Offer(TestData.Calendar, versionAtLoad);

        Assert.Null(shared.Fresh());
    }

    /// <summary>A clock for elapsed-time checks that moves only when told.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
