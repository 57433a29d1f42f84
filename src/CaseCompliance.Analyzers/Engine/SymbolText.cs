using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>How messages name symbols and lists. Called only once a diagnostic is being reported.</summary>
    internal static class SymbolText
    {
        /// <summary><c>Type.Member</c> for members, the name for types, and a readable name for lambdas and accessors.</summary>
        public static string Member(ISymbol symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda:
                    return "lambda in " + Member(lambda.ContainingSymbol);
                case IMethodSymbol { MethodKind: MethodKind.LocalFunction } local:
                    return local.ContainingSymbol is IMethodSymbol outer ? "local function " + local.Name + " in " + Member(outer) : local.Name;
                case IMethodSymbol { Name: "<Main>$" }:
                    return "top-level statements"; // the compiler's name for them is no name a user wrote
                case IMethodSymbol { AssociatedSymbol: { } associated }:
                    return Member(associated);
                case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ctor when ctor.ContainingType is { } t:
                    return t.Name + "." + t.Name;
                case INamedTypeSymbol type:
                    return type.Name;
                case IAssemblySymbol assembly:
                    return assembly.Name;
                case IParameterSymbol parameter:
                    return parameter.Name;
            }

            return symbol.ContainingType is { } containing ? containing.Name + "." + symbol.Name : symbol.Name;
        }

        /// <summary><c>'a', 'b'</c>.</summary>
        public static string Quoted(ImmutableArray<string> values)
        {
            var builder = new StringBuilder();
            foreach (var v in values)
            {
                if (builder.Length > 0)
                {
                    builder.Append(", ");
                }

                builder.Append('\'').Append(v).Append('\'');
            }

            return builder.ToString();
        }
    }
}
