using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data.Configurations;

internal static class PlanProjectRelation
{
    /// <summary>The aggregate belongs to a plan project, which is never deleted while anything points to it.</summary>
    public static void BelongsToProject<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> planProjectId, bool onePerProject = false)
        where T : class
    {
        builder.HasOne<PlanProject>().WithMany().HasForeignKey(planProjectId).OnDelete(DeleteBehavior.Restrict);
        if (onePerProject)
        {
            builder.HasIndex(planProjectId).IsUnique();
        }
    }
}
