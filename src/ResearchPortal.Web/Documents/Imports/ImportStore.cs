using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Imports;

internal static class ImportStore
{
    /// <summary>Writes the validated batch in one transaction. A unique index can still refuse it when someone saved
    /// the same ID number, certificate or project number since validation; then nothing is written either.</summary>
    public static async Task<ImportResult> SaveAsync(PortalDbContext db, int count, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ImportResult.Imported(count);
        }
        catch (DbUpdateException)
        {
            return ImportResult.RefusedFile("保存时发现部分数据刚被他人登记（身份证号、证书编号、项目编号或单位名称），本次未写入任何数据。请重新导入，以查看具体是哪些行。");
        }
    }
}
