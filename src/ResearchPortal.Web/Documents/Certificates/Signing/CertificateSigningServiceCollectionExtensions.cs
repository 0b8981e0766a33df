namespace ResearchPortal.Web.Documents.Certificates.Signing;

public static class CertificateSigningServiceCollectionExtensions
{
    /// <summary>Binds and checks at start-up the "Certificates:Signing" settings; registers the signer and the check.</summary>
    public static IServiceCollection AddCertificateSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningCertificateOptions>()
            .Bind(configuration.GetSection(SigningCertificateOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SigningCertificate>();
        services.AddSingleton<CertificateSigner>();
        services.AddSingleton<SignedCertificateCheck>();
        return services;
    }
}
