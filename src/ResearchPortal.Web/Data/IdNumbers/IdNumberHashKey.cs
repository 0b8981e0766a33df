using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>
/// The HMAC key behind ID-number hashes: the setting <c>Portal:IdNumberHashKey</c> (base64, at least 32 bytes) when
/// given, otherwise generated on first start and kept in <see cref="PortalSecret"/> protected by Data Protection.
/// Changing it makes every stored hash unfindable, so it is never rotated silently.
/// </summary>
internal static class IdNumberHashKey
{
    public const string SettingName = "Portal:IdNumberHashKey";
    public const string SecretName = "IdNumberHashKey";
    public const string Purpose = "ResearchPortal.IdNumberHashKey.v1";
    private const int KeyLength = 32;

    public static byte[] Load(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()[SettingName];
        return string.IsNullOrWhiteSpace(configured) ? LoadOrCreateStored(services) : FromSetting(configured);
    }

    private static byte[] FromSetting(string configured)
    {
        var buffer = new byte[configured.Length];
        return Convert.TryFromBase64String(configured.Trim(), buffer, out var length) && length >= KeyLength
            ? buffer[..length]
            : throw new InvalidOperationException($"设置 {SettingName} 须为至少 {KeyLength} 字节的 Base64 字符串。");
    }

    private static byte[] LoadOrCreateStored(IServiceProvider services)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        if (ReadStored(services, protector) is { } stored)
        {
            return stored;
        }

        var key = RandomNumberGenerator.GetBytes(KeyLength);
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.PortalSecrets.Add(new PortalSecret(SecretName, protector.Protect(Convert.ToBase64String(key))));
            db.SaveChanges();
            return key;
        }
        catch (DbUpdateException)
        {
            // Another instance stored its key first; everyone must use that one.
            return ReadStored(services, protector) ?? throw new InvalidOperationException("The ID-number hash key could not be stored.");
        }
    }

    private static byte[]? ReadStored(IServiceProvider services, IDataProtector protector)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var secret = db.PortalSecrets.AsNoTracking().SingleOrDefault(s => s.Name == SecretName);
        return secret is null ? null : Convert.FromBase64String(protector.Unprotect(secret.ProtectedValue));
    }
}
