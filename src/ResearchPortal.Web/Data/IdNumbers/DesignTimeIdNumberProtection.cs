using Microsoft.AspNetCore.DataProtection;

namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>For <c>dotnet ef</c>: migrations need the shape of the converter, never real keys.</summary>
internal static class DesignTimeIdNumberProtection
{
    public static IdNumberProtection Create() => new(
        new EphemeralDataProtectionProvider(),
        () => throw new InvalidOperationException("ID numbers cannot be hashed at design time."));
}
