using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Policies.Features;

public sealed record OutcomeRequest(CandidateStatus? Status, string? Note);

/// <summary>A case worker records how a lead was followed up: contacted, applied, declined, or not eligible after a visit.</summary>
internal sealed class CandidateOutcomes(PoliciesDbContext db, Candidates candidates, TimeProvider clock, ICurrentUser user)
{
    public async Task<CandidateView> RecordAsync(Guid id, OutcomeRequest request, CancellationToken ct)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        if (request.Status is not { } status
            || status is not (CandidateStatus.Contacted or CandidateStatus.Applied or CandidateStatus.Declined
                or CandidateStatus.NotEligible))
        {
            throw InputValidationException.For("status", PolicyText.Get("Casework_ChooseOutcome"));
        }

        var note = request.Note?.Trim();
        if (note is { Length: > 0 } && TextRules.Check(note, 1000, multiline: true, allowMarkup: false) is { } rule)
        {
            var message = Yilian.SharedKernel.Resources.ValidationMessages.Format(rule, PolicyText.Get("Casework_Note"), 1000);
            throw InputValidationException.For("note", message);
        }

        if (status is CandidateStatus.Declined or CandidateStatus.NotEligible && string.IsNullOrEmpty(note))
        {
            throw InputValidationException.For("note", PolicyText.Get("Casework_ReasonRequired"));
        }

        if (candidate.Status is not (CandidateStatus.Open or CandidateStatus.Contacted))
        {
            throw PolicyRules.CandidateClosed.Broken();
        }

        CandidateAssignment.RequireFreeOrMine(candidate, user);

        candidate.Status = status;
        candidate.Note = note;
        candidate.HandledBy = user.UserName;
        candidate.HandledAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await candidates.ViewAsync(candidate, ct);
    }
}
