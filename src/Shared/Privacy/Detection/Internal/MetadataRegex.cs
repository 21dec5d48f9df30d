using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Builds the regular expressions that come from phone metadata at run time, so no source generator can compile them.
/// Where the runtime compiles code (the JIT build), a pattern that most windows reach is compiled to IL. A native build
/// cannot compile, and there such a pattern uses the non-backtracking engine: it matches with a lazily built automaton
/// instead of walking the long alternations of area codes step by step, as the interpreter does.
/// </summary>
internal static class MetadataRegex
{
    /// <summary>Creates <paramref name="pattern"/> with <see cref="RegexOptions.CultureInvariant"/>, fast to match when <paramref name="hot"/>.</summary>
    public static Regex Create(string pattern, bool hot) => Create(pattern, hot, RuntimeFeature.IsDynamicCodeCompiled);

    /// <summary>Creates <paramref name="pattern"/> as <see cref="Create(string, bool)"/> does, where <paramref name="canCompile"/> is true when code can be compiled.</summary>
    internal static Regex Create(string pattern, bool hot, bool canCompile)
    {
        if (!hot)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }

        if (canCompile)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // The automaton cannot express some constructs, such as lookarounds, and the interpreter gives the same matches.
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
    }
}
