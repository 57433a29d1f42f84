using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// Roles of well-known libraries that no one annotates, given by what the symbols are:
    /// <list type="bullet">
    /// <item><c>log</c>: the parameters of Microsoft.Extensions.Logging calls that a log line carries — of <c>ILogger</c>
    /// (and every type that implements it), <c>LoggerExtensions</c> and <c>[LoggerMessage]</c> methods — but not the
    /// logger itself nor the exception, which are not what a log line discloses;</item>
    /// <item><c>console</c>: <c>System.Console</c>'s methods, and its <c>Out</c> and <c>Error</c> writers (a call on them is output);</item>
    /// <item><c>debug-output</c>: <c>System.Diagnostics.Debug</c> and <c>Trace</c>;</item>
    /// <item><c>exception-message</c>: the <c>message</c> parameter of an exception's constructor (not <c>paramName</c>);</item>
    /// <item><c>compliance-redactor</c>: the methods of a <c>Microsoft.Extensions.Compliance.Redaction.Redactor</c>.</item>
    /// </list>
    /// A rule uses them by naming them, as CASE060 does; the rules file can give the same roles to other libraries.
    /// </summary>
    internal sealed class LibraryMeaningSource : IMeaningSource
    {
        private readonly KnownSymbols known;
        private readonly RoleSet log;
        private readonly RoleSet console;
        private readonly RoleSet debugOutput;
        private readonly RoleSet exceptionMessage;
        private readonly RoleSet complianceRedactor;

        public LibraryMeaningSource(KnownSymbols known, RoleCatalog roles)
        {
            this.known = known;
            log = roles.Set(BuiltInRoles.Log);
            console = roles.Set(BuiltInRoles.Console);
            debugOutput = roles.Set(BuiltInRoles.DebugOutput);
            exceptionMessage = roles.Set(BuiltInRoles.ExceptionMessage);
            complianceRedactor = roles.Set(BuiltInRoles.ComplianceRedactor);
        }

        /// <summary>Whether any of the libraries is referenced; without them this source has nothing to say.</summary>
        public bool IsReferenced => known.Logger is not null || known.Console is not null || known.Debug is not null || known.Exception is not null
            || known.ComplianceRedactor is not null;

        public void AddDeclared(ISymbol symbol, MeaningBuilder builder)
        {
            switch (symbol)
            {
                case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol method:
                    if (IsLogMethod(method) && !IsLoggerType(parameter.Type) && !IsException(parameter.Type))
                    {
                        builder.AddRoles(log);
                    }
                    else if (method.MethodKind == MethodKind.Constructor && IsException(method.ContainingType)
                        && parameter.Type.SpecialType == SpecialType.System_String
                        && parameter.Name.IndexOf("message", System.StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        builder.AddRoles(exceptionMessage);
                    }

                    break;
                case IMethodSymbol method:
                    var type = method.ContainingType?.OriginalDefinition;
                    if (Is(type, known.Console))
                    {
                        builder.AddRoles(console);
                    }
                    else if (Is(type, known.Debug) || Is(type, known.Trace))
                    {
                        builder.AddRoles(debugOutput);
                    }
                    else if (known.ComplianceRedactor is not null && type is not null && DerivesFrom(type, known.ComplianceRedactor))
                    {
                        builder.AddRoles(complianceRedactor);
                    }

                    break;
                case IPropertySymbol { Name: "Out" or "Error" } property when Is(property.ContainingType, known.Console):
                    builder.AddRoles(console);
                    break;
            }
        }

        private bool IsLogMethod(IMethodSymbol method)
        {
            if (known.Logger is null)
            {
                return false;
            }

            var type = method.ContainingType?.OriginalDefinition;
            return Is(type, known.LoggerExtensions) || IsLoggerType(method.ContainingType) || IsLoggerMessage(method);
        }

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

        private bool IsException(ITypeSymbol? type) => known.Exception is not null && type is not null && DerivesFrom(type, known.Exception);

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
