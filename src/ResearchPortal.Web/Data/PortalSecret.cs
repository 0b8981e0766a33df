namespace ResearchPortal.Web.Data;

/// <summary>A named secret the app generated for itself, stored protected by Data Protection so every instance
/// sharing the database (and its key ring) reads the same value.</summary>
public sealed class PortalSecret
{
    public const int NameMaxLength = 100;

    private PortalSecret()
    {
        Name = string.Empty;
        ProtectedValue = string.Empty;
    }

    public PortalSecret(string name, string protectedValue)
    {
        Name = name;
        ProtectedValue = protectedValue;
    }

    public string Name { get; private set; }

    public string ProtectedValue { get; private set; }
}
