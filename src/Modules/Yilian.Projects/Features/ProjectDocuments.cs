using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.Projects.Resources;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

public sealed record DocumentDto(Guid Id, string DocumentType, int Version, string FileName, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Uploads (checked by content, versioned) and downloads (always as attachments, audited).</summary>
internal sealed class ProjectDocuments(ProjectsDbContext db, IFileStorage storage, ProjectCommands commands, ICurrentUser user, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<DocumentDto> UploadAsync(Guid projectId, string? documentType, IFormFile? file, CancellationToken ct)
    {
        if (documentType is null || !DocumentTypes.All.ContainsKey(documentType))
        {
            throw InputValidationException.For("documentType", ProjectText.Get("Document_UnknownType", string.Join(", ", DocumentTypes.All.Keys)));
        }

        if (file is null || file.Length == 0)
        {
            throw InputValidationException.For("file", ProjectText.Get("Document_Missing"));
        }

        if (file.Length > MaxBytes)
        {
            throw new FileTooLargeException(ProjectText.Get("Document_TooLarge", MaxBytes / 1024 / 1024));
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        if (!ProjectPermissions.WorksOnProjects(user))
        {
            throw new ForbiddenException(ProjectText.Get("Document_CannotUpload"));
        }

        var stored = await CheckedUploads.StoreAsync(file, allowed: null, storage, ct)
            ?? throw new UnsupportedFileException(ProjectText.Get("Document_BadContent", string.Join(" ", FileSniffer.AllowedExtensions)));
        var version = 1 + (await db.Documents.Where(d => d.ProjectId == projectId && d.DocumentType == documentType).MaxAsync(d => (int?)d.Version, ct) ?? 0);
        var now = clock.GetUtcNow();
        var document = new ProjectDocument
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            OrganizationId = project.OrganizationId,
            RegionCode = project.RegionCode,
            DocumentType = documentType,
            Version = version,
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            StorageKey = stored.StorageKey,
            UploadedBy = user.UserName ?? "system",
            UploadedAt = now,
        };
        db.Documents.Add(document);
        db.Timeline.Add(commands.Event(project, TimelineKind.DocumentUploaded, null, null,
            $"{DocumentTypes.All[documentType].Zh} v{version}: {stored.FileName}", now));
        await db.SaveChangesAsync(ct);
        return ToDto(document);
    }

    public async Task<(Stream Content, string FileName, string ContentType)> OpenAsync(Guid projectId, Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ProjectId == projectId, ct)
            ?? throw new NotFoundException("Document", documentId);
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = user.UserId ?? "anonymous",
            ActorName = user.UserName,
            Action = "Downloaded",
            EntityType = nameof(ProjectDocument),
            EntityId = document.Id.ToString(),
            IpAddress = user.IpAddress,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { document.FileName, document.Version, document.Sha256 }),
        });
        await db.SaveChangesAsync(ct);
        return (await storage.OpenReadAsync(document.StorageKey, ct), document.FileName, document.ContentType);
    }

    internal static DocumentDto ToDto(ProjectDocument d) => new(d.Id, d.DocumentType, d.Version, d.FileName, d.ContentType, d.Size, d.UploadedBy, d.UploadedAt);
}
