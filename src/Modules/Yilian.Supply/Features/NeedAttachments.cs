using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

public sealed record NeedAttachmentDto(Guid Id, Guid NeedId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>
/// Documents and photos posted with a need: PDF, Word, Excel, PNG or JPEG, checked by their bytes (the name must agree), at most
/// <see cref="MaxBytes"/> each and <see cref="MaxPerNeed"/> per need, added while it is open by whoever may post it. The
/// officers in scope open them; anyone opens those of an open public need (organizations read them to answer).
/// </summary>
internal sealed class NeedAttachments(SupplyDbContext db, IServiceScopeFactory scopes, IFileStorage storage, ICurrentUser user,
    TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerNeed = 10;

    private static readonly FileKind[] Allowed = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx, FileKind.Png, FileKind.Jpeg];

    public async Task<NeedAttachmentDto> AddAsync(Guid needId, IFormFile? file, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Need_CannotPost");
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct) ?? throw new NotFoundException("Need",
            needId);
        if (need.Status != NeedStatus.Open)
        {
            throw SupplyRules.NeedNotOpen.Broken(need.Number);
        }

        if (file is null || file.Length == 0)
        {
            throw InputValidationException.For("file", SupplyText.Get("Attachment_Missing"));
        }

        if (file.Length > MaxBytes)
        {
            throw new FileTooLargeException(SupplyText.Get("Attachment_TooLarge", MaxBytes / 1024 / 1024));
        }

        if (await db.NeedAttachments.CountAsync(a => a.NeedId == needId, ct) >= MaxPerNeed)
        {
            throw InputValidationException.For("file", SupplyText.Get("Attachment_TooMany", MaxPerNeed));
        }

        var stored = await CheckedUploads.StoreAsync(file, Allowed, storage, ct)
            ?? throw new UnsupportedFileException(SupplyText.Get("Attachment_BadContent"));
        var attachment = new NeedAttachment
        {
            Id = Guid.CreateVersion7(), NeedId = need.Id, RegionCode = need.RegionCode, FileName = stored.FileName,
            ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, StorageKey = stored.StorageKey,
            UploadedBy = user.UserName ?? "system", UploadedAt = clock.GetUtcNow(),
        };
        db.NeedAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Dto(attachment);
    }

    /// <summary>A need's attachments, in scope.</summary>
    public async Task<IReadOnlyList<NeedAttachmentDto>> ListAsync(Guid needId, CancellationToken ct) =>
        [.. (await db.NeedAttachments.AsNoTracking().Where(a => a.NeedId == needId).OrderBy(a => a.UploadedAt).ToListAsync(ct))
            .Select(Dto)];

    /// <summary>The attachments of open public needs, for the public list (read as system work, like the list itself).</summary>
    public async Task<ILookup<Guid, NeedAttachmentDto>> PublicOfAsync(IReadOnlyCollection<Guid> needIds, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var shown = all.Needs.Where(n => needIds.Contains(n.Id) && n.Public && n.Status == NeedStatus.Open).Select(n => n.Id);
        return (await all.NeedAttachments.AsNoTracking().Where(a => shown.Contains(a.NeedId)).OrderBy(a => a.UploadedAt).ToListAsync(ct))
            .Select(Dto).ToLookup(a => a.NeedId);
    }

    /// <summary>One attachment's file: in the caller's scope, or (<paramref name="publicOnly"/>) of an open public need for
    /// anyone.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(Guid needId, Guid attachmentId, bool publicOnly,
        CancellationToken ct)
    {
        NeedAttachment? attachment;
        if (publicOnly)
        {
            await using var system = SystemScope.Begin(scopes);
            var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
            attachment = await all.NeedAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.NeedId == needId
                && all.Needs.Any(n => n.Id == needId && n.Public && n.Status == NeedStatus.Open), ct);
        }
        else
        {
            SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
            attachment = await db.NeedAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.NeedId == needId, ct);
        }

        return attachment is null ? throw new NotFoundException("NeedAttachment", attachmentId)
            : (await storage.OpenReadAsync(attachment.StorageKey, ct), attachment.ContentType, attachment.FileName);
    }

    private static NeedAttachmentDto Dto(NeedAttachment a) => new(a.Id, a.NeedId, a.FileName, a.ContentType, a.Size, a.UploadedAt);
}
