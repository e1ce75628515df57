using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Projects.Resources;

/// <summary>Marker and accessor for ProjectText.resx.</summary>
public sealed class ProjectText
{
    private static readonly ResourceManager Manager = new(typeof(ProjectText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
