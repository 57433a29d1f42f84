using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Where data leaves the case system, and what cleans it on the way: <c>ILogger</c> and <c>LoggerExtensions</c>
    /// calls, <c>[LoggerMessage]</c> methods, <c>Console</c>, <c>Debug</c>, <c>Trace</c>, exception constructors and
    /// <c>[DisclosureSink]</c> methods or parameters; <c>[Redactor]</c> methods and
    /// <c>Microsoft.Extensions.Compliance.Redaction.Redactor</c> clean.
    /// </summary>
    internal sealed class Sinks
    {
        private readonly CaseModel model;
        private readonly KnownSymbols known;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> sinkMethods =
            new System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public Sinks(CaseModel model)
        {
            this.model = model;
            known = model.Symbols;
        }

        /// <summary>Whether the argument of a call or creation is a sink: data passed here leaves the system.</summary>
        public bool IsSinkArgument(IOperation call, IArgumentOperation argument)
        {
            var parameter = argument.Parameter;
            switch (call)
            {
                case IObjectCreationOperation creation:
                    // The message of an exception; not a paramName.
                    return known.Exception is not null && DerivesFrom(creation.Type, known.Exception)
                        && parameter is { Type.SpecialType: SpecialType.System_String } && parameter.Name.IndexOf("message", System.StringComparison.OrdinalIgnoreCase) >= 0;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (parameter is not null && model.HasRole(parameter, Role.DisclosureSink) || model.HasRole(method, Role.DisclosureSink))
                    {
                        return true;
                    }

                    var type = method.ContainingType?.OriginalDefinition;
                    if (Is(type, known.Console) || Is(type, known.Debug) || Is(type, known.Trace) || IsConsoleWriter(invocation))
                    {
                        return true;
                    }

                    // The logger itself and the exception are not what a log line discloses.
                    if (IsLoggerType(parameter?.Type) || parameter?.Type is { } pt && known.Exception is not null && DerivesFrom(pt, known.Exception))
                    {
                        return false;
                    }

                    return Is(type, known.LoggerExtensions) || IsLoggerType(method.ContainingType) || IsLoggerMessage(method);
                default:
                    return false;
            }
        }

        /// <summary>Whether an operation could be a sink at all (cheap: by symbol), before any argument is looked at.</summary>
        public bool IsSinkCall(IOperation operation) => operation switch
        {
            IObjectCreationOperation creation => known.Exception is not null && DerivesFrom(creation.Type, known.Exception),
            IInvocationOperation invocation when IsConsoleWriter(invocation) => true,
            IInvocationOperation invocation => sinkMethods.TryGetValue(invocation.TargetMethod, out var cached)
                ? cached
                : sinkMethods.GetOrAdd(invocation.TargetMethod, IsSinkMethod(invocation.TargetMethod)),
            _ => false,
        };

        private bool IsSinkMethod(IMethodSymbol method)
        {
            var type = method.ContainingType?.OriginalDefinition;
            if (Is(type, known.Console) || Is(type, known.Debug) || Is(type, known.Trace) || Is(type, known.LoggerExtensions)
                || IsLoggerType(method.ContainingType) || IsLoggerMessage(method) || model.HasRole(method, Role.DisclosureSink))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (model.HasRole(parameter, Role.DisclosureSink))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Console.Out.WriteLine(...)</c>, <c>Console.Error.Write(...)</c>: a writer taken from Console.</summary>
        private bool IsConsoleWriter(IInvocationOperation invocation)
            => invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } property } && Is(property.ContainingType, known.Console);

        /// <summary>A call whose result is redacted: a [Redactor] method or a Microsoft.Extensions.Compliance redactor.</summary>
        public bool IsRedactor(IMethodSymbol method)
            => model.HasRole(method, Role.Redactor)
            || known.ComplianceRedactor is not null && method.ContainingType is { } type && DerivesFromOrIs(type, known.ComplianceRedactor);

        private bool IsLoggerMessage(IMethodSymbol method)
        {
            if (known.LoggerMessage is null)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (Is(attribute.AttributeClass, known.LoggerMessage))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsLoggerType(ITypeSymbol? type)
        {
            if (known.Logger is null || type is null)
            {
                return false;
            }

            if (Is(type.OriginalDefinition, known.Logger))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (Is(i.OriginalDefinition, known.Logger))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFromOrIs(ITypeSymbol type, INamedTypeSymbol baseType) => DerivesFrom(type, baseType);
    }
}
