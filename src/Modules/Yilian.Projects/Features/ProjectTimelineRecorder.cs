using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Contracts;
using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

/// <summary>Other modules' events on a project's timeline; the project must be in the caller's scope.</summary>
internal sealed class ProjectTimelineRecorder(ProjectsDbContext db, ICurrentUser user, TimeProvider clock) : IProjectTimeline
{
    public async Task RecordAsync(Guid projectId, string kind, string text, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw new NotFoundException("Project", projectId);
        db.Timeline.Add(new TimelineEvent
        {
            Id = Guid.CreateVersion7(), ProjectId = project.Id, OrganizationId = project.OrganizationId, RegionCode = project.RegionCode,
            Kind = kind == "expense" ? TimelineKind.Expense : TimelineKind.Activity, Text = text.Length > 2000 ? text[..2000] : text,
            Actor = user.UserId ?? "system", ActorName = user.UserName ?? "system", OccurredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
