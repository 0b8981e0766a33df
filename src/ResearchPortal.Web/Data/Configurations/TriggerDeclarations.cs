using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal static class TriggerDeclarations
{
    /// <summary>Tells EF the entity's table has these triggers (created by migrations), so it saves in a form they allow.</summary>
    public static void HasTriggers<T>(this EntityTypeBuilder<T> builder, IEnumerable<string> triggers)
        where T : class =>
        builder.ToTable(table =>
        {
            foreach (var trigger in triggers)
            {
                table.HasTrigger(trigger);
            }
        });
}
