using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Domain;

/// <summary>
/// The rules that guard volunteers' places, hours, points and people, each once, with the message it answers
/// (VolunteerText) and whether it is a clash with the current state (409) or a refusal (422). The name is the
/// <c>rule</c> member of the API's answer. Places are also guarded by the database (a sign-up's unique index and the
/// places counter), points by the ledger's balance check.
/// </summary>
public static class VolunteerRules
{
    // Registration
    public static readonly BusinessRule CodeTooSoon = Conflict(nameof(CodeTooSoon), "Vol_CodeTooSoon");
    public static readonly BusinessRule AlreadyRegistered = Conflict(nameof(AlreadyRegistered), "Vol_AlreadyRegistered");

    // Sign-ups: an activity takes volunteers while it recruits and has not ended; a volunteer is old enough, signs up once,
    // is not busy elsewhere at the time, and cannot withdraw once it has started.
    public static readonly BusinessRule NotRecruiting = Conflict(nameof(NotRecruiting), "Signup_NotRecruiting");
    public static readonly BusinessRule Over = Conflict(nameof(Over), "Signup_Over");
    public static readonly BusinessRule TooYoung = Refusal(nameof(TooYoung), "Signup_TooYoung");
    public static readonly BusinessRule AlreadySignedUp = Conflict(nameof(AlreadySignedUp), "Signup_Already");
    public static readonly BusinessRule ScheduleConflict = Conflict(nameof(ScheduleConflict), "Signup_Clash");
    public static readonly BusinessRule Started = Conflict(nameof(Started), "Signup_WithdrawStarted");

    // Attendance: a valid, fresh code, scanned in the occurrence's window, near the place, by a signed-up volunteer.
    public static readonly BusinessRule CodeInvalid = Refusal(nameof(CodeInvalid), "CheckIn_CodeInvalid");
    public static readonly BusinessRule SubmittedTooLate = Refusal(nameof(SubmittedTooLate), "CheckIn_TooLate");
    public static readonly BusinessRule CodeExpired = Conflict(nameof(CodeExpired), "CheckIn_CodeExpired");
    public static readonly BusinessRule NotSignedUp = Refusal(nameof(NotSignedUp), "CheckIn_NotSignedUp");
    public static readonly BusinessRule OutsideWindow = Conflict(nameof(OutsideWindow), "CheckIn_OutsideWindow");
    public static readonly BusinessRule NotCheckedIn = Refusal(nameof(NotCheckedIn), "CheckIn_OutBeforeIn");
    public static readonly BusinessRule OutBeforeIn = Refusal(nameof(OutBeforeIn), "CheckIn_OutBeforeInTime");
    public static readonly BusinessRule LocationRequired = Refusal(nameof(LocationRequired), "CheckIn_LocationRequired");
    public static readonly BusinessRule TooFar = Refusal(nameof(TooFar), "CheckIn_TooFar");

    // Hours are confirmed once, and only when complete.
    public static readonly BusinessRule AlreadyConfirmed = Conflict(nameof(AlreadyConfirmed), "Hours_AlreadyConfirmed");
    public static readonly BusinessRule Incomplete = Refusal(nameof(Incomplete), "Hours_Incomplete");
    public static readonly BusinessRule NoConfirmedService = Refusal(nameof(NoConfirmedService), "Cert_NoService");

    // Points: a balance never goes below zero; an entry is reversed at most once.
    public static readonly BusinessRule InsufficientPoints = Conflict(nameof(InsufficientPoints), "Points_Insufficient");
    public static readonly BusinessRule AlreadyReversed = Conflict(nameof(AlreadyReversed), "Points_AlreadyReversed");

    // Points shop: never more than the stock, never more than a person's limit, settled once.
    public static readonly BusinessRule OutOfStock = Conflict(nameof(OutOfStock), "Shop_OutOfStock");
    public static readonly BusinessRule PerPersonLimit = Conflict(nameof(PerPersonLimit), "Shop_Limit_Reached");
    public static readonly BusinessRule AlreadySettled = Conflict(nameof(AlreadySettled), "Shop_AlreadySettled");

    // Teams, profiles, photos.
    public static readonly BusinessRule TeamExists = Conflict(nameof(TeamExists), "Team_Exists");
    public static readonly BusinessRule SkillNotClaimed = Refusal(nameof(SkillNotClaimed), "Profile_SkillNotClaimed");
    public static readonly BusinessRule AlreadyModerated = Conflict(nameof(AlreadyModerated), "Photo_AlreadyModerated");

    private static BusinessRule Conflict(string name, string messageKey) => new(name, args => VolunteerText.Get(messageKey, args), isConflict: true);

    private static BusinessRule Refusal(string name, string messageKey) => new(name, args => VolunteerText.Get(messageKey, args), isConflict: false);
}
