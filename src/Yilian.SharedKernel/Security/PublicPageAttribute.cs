namespace Yilian.SharedKernel.Security;

/// <summary>A page for residents and the public: rendered in the public shell, no sign-in needed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute;
