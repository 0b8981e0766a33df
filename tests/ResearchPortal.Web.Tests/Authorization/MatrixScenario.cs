using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Authorization;

/// <summary>The users whose view of every page the matrix states, in the order of its columns.</summary>
public enum Actor
{
    Anonymous,

    /// <summary>The trainee on the project's roster: own receipt, roster entry, outcome and certificate.</summary>
    Trainee,

    /// <summary>A signed-in trainee with nothing on this project: trainee-owned records must look missing to him.</summary>
    OtherTrainee,

    /// <summary>Organizer of the project's host unit (H).</summary>
    HostOrganizer,

    /// <summary>Organizer of a unit (O) that is neither host nor applicant.</summary>
    OtherOrganizer,

    /// <summary>Organizer of the applicant unit (A), which does not host the project.</summary>
    ApplicantOrganizer,

    Reviewer,
}

/// <summary>
/// One project with something on every page: host H and applicant A, an approved filing with both attachments,
/// two roster entries (the first from the <see cref="Actor.Trainee"/>'s accepted receipt, passed and numbered, so
/// a certificate exists), a draft close-out, and one outcome with its full text. Plus a third unit O and an account
/// (<see cref="BystanderUserId"/>) the admin rows act on, so no actor's own session is touched.
/// </summary>
public sealed record MatrixScenario(
    RosterGraph Graph,
    Guid ReceiptId,
    Guid TraineeEntryId,
    Guid OutcomeId,
    string ReviewerUserId,
    string BystanderUserId,
    IReadOnlyDictionary<Actor, PortalUser> Users)
{
    public Guid ProjectId => Graph.Project.Id;

    public int Year => Graph.Year.Year;

    public Guid PlanFileId => Graph.Filing.ImplementationPlan!.StoredFileId;

    public static async Task<MatrixScenario> CreateAsync(PortalApp app)
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee, displayName: "刘学员");
        var otherTrainee = await app.CreateUserAsync(PortalRoles.Trainee, displayName: "陈学员");
        var graph = await RosterGraph.SaveAsync(app, rosterSize: 2, traineeUserId: trainee.Id);

        Guid outcomeId;
        var otherUnit = Organization(city: "烟台");
        await using (var db = app.NewContext())
        {
            var entries = await db.RosterEntries.Where(e => e.PlanProjectId == graph.Project.Id).OrderBy(e => e.Sequence).ToListAsync();
            Ok(entries[0].RecordResult(24m, passed: true, graph.Filing, SeminarStart));
            Ok(entries[1].RecordResult(10m, passed: false, graph.Filing, SeminarStart));
            Ok(CertificateIssuer.Assign(entries, graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));

            db.CloseOuts.Add(CompleteCloseOut(graph.Project.Id)); // a draft: editable by the host, readable by the reviewer
            var fullText = File("研修成果.pdf");
            var outcome = Ok(ResearchOutcome.Submit(graph.Project.Id, entries[0].Id, "乡村治理研修成果", "成果摘要", fullText.Id, Now));
            outcomeId = outcome.Id;
            db.AddRange(fullText, outcome, otherUnit);
            await db.SaveChangesAsync();
        }

        var traineeEntry = graph.Entries[0];
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer);
        var bystander = await app.CreateUserAsync(PortalRoles.Trainee, displayName: "旁观者");
        var users = new Dictionary<Actor, PortalUser>
        {
            [Actor.Trainee] = trainee,
            [Actor.OtherTrainee] = otherTrainee,
            [Actor.HostOrganizer] = await app.CreateUserAsync(PortalRoles.Organizer, graph.Host.Id, "承办单位组织者"),
            [Actor.OtherOrganizer] = await app.CreateUserAsync(PortalRoles.Organizer, otherUnit.Id, "无关单位组织者"),
            [Actor.ApplicantOrganizer] = await app.CreateUserAsync(PortalRoles.Organizer, graph.Applicant.Id, "申报单位组织者"),
            [Actor.Reviewer] = reviewer,
        };

        return new MatrixScenario(graph, traineeEntry.ReceiptId!.Value, traineeEntry.Id, outcomeId, reviewer.Id, bystander.Id, users);
    }
}
