using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Where data leaves the system, and what cleans it on the way, by role: a call is a sink when its method plays a
    /// sink role (every argument leaves), when one of its parameters does (that argument leaves), or when its receiver
    /// is a member that does (<c>Console.Out.WriteLine(...)</c>). A call of a redactor role gives clean data back. The
    /// roles are the rule's; the well-known libraries' roles (<c>log</c>, <c>console</c> ...) come from the model.
    /// </summary>
    internal sealed class Sinks
    {
        private readonly CaseModel model;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> sinkMethods = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public Sinks(CaseModel model, RoleSet sinkRoles, RoleSet redactorRoles)
        {
            this.model = model;
            SinkRoles = sinkRoles;
            RedactorRoles = redactorRoles;
        }

        public RoleSet SinkRoles { get; }

        public RoleSet RedactorRoles { get; }

        /// <summary>Whether the argument of a call or creation is a sink: data passed here leaves the system.</summary>
        public bool IsSinkArgument(IOperation call, IArgumentOperation argument)
        {
            var method = Method(call);
            if (method is null)
            {
                return false;
            }

            return argument.Parameter is { } parameter && model.HasRole(parameter, SinkRoles)
                || model.HasRole(method, SinkRoles)
                || call is IInvocationOperation invocation && IsSinkReceiver(invocation.Instance);
        }

        /// <summary>Whether an operation could be a sink at all (cheap: by symbol, cached), before any argument is looked at.</summary>
        public bool IsSinkCall(IOperation operation)
        {
            if (operation is IInvocationOperation invocation && IsSinkReceiver(invocation.Instance))
            {
                return true;
            }

            var method = Method(operation);
            if (method is null)
            {
                return false;
            }

            return sinkMethods.TryGetValue(method, out var cached) ? cached : sinkMethods.GetOrAdd(method, IsSinkMethod(method));
        }

        private bool IsSinkMethod(IMethodSymbol method)
        {
            if (model.HasRole(method, SinkRoles))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (model.HasRole(parameter, SinkRoles))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A call on a member that plays a sink role: <c>Console.Out</c>, or a telemetry client the rules file names.</summary>
        private bool IsSinkReceiver(IOperation? instance) => instance switch
        {
            IPropertyReferenceOperation property => model.HasRole(property.Property, SinkRoles),
            IFieldReferenceOperation field => model.HasRole(field.Field, SinkRoles),
            _ => false,
        };

        private static IMethodSymbol? Method(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        /// <summary>A call whose result is redacted: its method plays a redactor role.</summary>
        public bool IsRedactor(IMethodSymbol method) => model.HasRole(method, RedactorRoles);
    }
}
