using ResearchPortal.Domain.Inspections;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class SpotCheckTests
{
    [Fact]
    public void A_spot_check_records_who_and_when()
    {
        var check = SpotCheck.Record(Guid.CreateVersion7(), D("2024-10-15"), "王检查", "学员到课率良好", Reviewer, D("2024-10-15"), Now).Value;

        Assert.Equal(Reviewer.UserId, check.RecordedByUserId);
        Assert.Equal(Now, check.RecordedAt);
    }

    [Fact]
    public void Required_fields_and_a_future_date_are_refused_together() =>
        Assert.Equal(
            [nameof(SpotCheck.PlanProjectId), nameof(SpotCheck.Date), nameof(SpotCheck.Inspector), nameof(SpotCheck.Findings)],
            Fields(SpotCheck.Record(Guid.Empty, D("2024-10-16"), "", " ", Reviewer, D("2024-10-15"), Now)));
}
