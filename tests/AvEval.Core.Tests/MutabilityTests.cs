using System.Reflection;
using System.Runtime.CompilerServices;
using AvEval.Scenes;

namespace AvEval.Tests;

/// <summary>
/// House rule (STYLE.md §4): data and results are immutable; interpreting returns a new value. Enforced by reflection
/// over the whole public surface of AvEval.Core, so a new type cannot slip a setter in.
/// </summary>
public sealed class MutabilityTests
{
    [Fact]
    public void PublicTypes_OfCore_HaveNoPublicSettersOtherThanInit()
    {
        var offenders = MutableProperties(typeof(Scene).Assembly.GetExportedTypes());

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void MutableProperties_TypeWithSettersAndARecordWithInit_FlagsOnlyTheSetters()
    {
        // The check itself: UriBuilder has public setters (Host, Port, ...); a record's init accessors are allowed.
        var offenders = MutableProperties([typeof(UriBuilder), typeof(AvEval.Analysis.Metric)]);

        offenders.ShouldContain("System.UriBuilder.Host");
        offenders.ShouldNotContain(o => o.StartsWith("AvEval.", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicTypes_OfCore_HaveNoPublicMutableFields()
    {
        var offenders = typeof(Scene).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    private static List<string> MutableProperties(IEnumerable<Type> types) =>
        [.. types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{t.FullName}.{p.Name}"))];

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
