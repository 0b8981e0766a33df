using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Documents.Forms;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>Binds the "Pdf" (font path) and "Certificates" (public address for QR codes) settings.</summary>
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfFontOptions>(configuration.GetSection(PdfFontOptions.SectionName));
        services.AddCertificateSigning(configuration);
        return services;
    }
}
