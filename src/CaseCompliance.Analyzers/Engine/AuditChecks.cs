using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Checks of an audit against the lookups of the same body (method, lambda or local function):
    /// CASE011, the audit's subject is provably another person than every lookup's; CASE012, the audit sits in a
    /// <c>try</c> whose <c>catch</c> swallows its failure while the looked-up data is still used.
    /// </summary>
    internal sealed class AuditChecks
    {
        private readonly CaseModel model;
        private readonly DiagnosticDescriptor otherSubject;
        private readonly DiagnosticDescriptor swallowed;

        public AuditChecks(CaseModel model, DiagnosticDescriptor otherSubject, DiagnosticDescriptor swallowed)
        {
            this.model = model;
            this.otherSubject = otherSubject;
            this.swallowed = swallowed;
        }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            List<IInvocationOperation>? lookups = null;
            List<IInvocationOperation>? audits = null;
            var gate = new object();
            context.RegisterOperationAction(operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (model.HasRole(method, Role.PersonLookup))
                {
                    lock (gate)
                    {
                        (lookups ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }
                else if (model.HasRole(method, Role.LookupAudit))
                {
                    lock (gate)
                    {
                        (audits ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }
            }, OperationKind.Invocation);

            context.RegisterOperationBlockEndAction(end =>
            {
                if (lookups is null || audits is null)
                {
                    return;
                }

                foreach (var audit in audits)
                {
                    var function = Calls.EnclosingFunction(audit);
                    var sameBody = new List<IInvocationOperation>();
                    foreach (var lookup in lookups)
                    {
                        if (Calls.EnclosingFunction(lookup) == function)
                        {
                            sameBody.Add(lookup);
                        }
                    }

                    if (sameBody.Count > 0)
                    {
                        CheckSubject(end, audit, sameBody);
                        CheckSwallowed(end, audit, sameBody);
                    }
                }
            });
        }

        private void CheckSubject(OperationBlockAnalysisContext context, IInvocationOperation audit, List<IInvocationOperation> lookups)
        {
            if (Calls.ArgumentFor(audit, Role.Subject, model) is not { } recorded)
            {
                return;
            }

            IInvocationOperation? example = null;
            IArgumentOperation? exampleSubject = null;
            foreach (var lookup in lookups)
            {
                if (Calls.ArgumentFor(lookup, Role.Subject, model) is not { } subject)
                {
                    continue;
                }

                if (ValueIdentity.Compare(recorded.Value, subject.Value) != Sameness.Different)
                {
                    return; // the audit may well be about this lookup's person
                }

                example ??= lookup;
                exampleSubject ??= subject;
            }

            if (example is not null && exampleSubject is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(otherSubject, audit.Syntax.GetLocation(),
                    SymbolText.Member(audit.TargetMethod), ValueIdentity.Text(recorded.Value),
                    SymbolText.Member(example.TargetMethod), ValueIdentity.Text(exampleSubject.Value)));
            }
        }

        private void CheckSwallowed(OperationBlockAnalysisContext context, IInvocationOperation audit, List<IInvocationOperation> lookups)
        {
            for (IOperation? child = audit, parent = audit.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return;
                }

                if (parent is not ITryOperation @try || child != @try.Body || !Swallows(@try))
                {
                    continue;
                }

                foreach (var lookup in lookups)
                {
                    if (DataSurvives(lookup, @try))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(swallowed, audit.Syntax.GetLocation(),
                            SymbolText.Member(audit.TargetMethod), SymbolText.Member(context.OwningSymbol), SymbolText.Member(lookup.TargetMethod)));
                        return;
                    }
                }
            }
        }

        /// <summary>A catch without a filter whose handler neither throws nor rethrows.</summary>
        private static bool Swallows(ITryOperation @try)
        {
            foreach (var clause in @try.Catches)
            {
                if (clause.Filter is null && !Calls.Throws(clause.Handler))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The looked-up data outlives a swallowed audit failure: the lookup's value is used and either the lookup is
        /// outside the try statement, or it is in the try and stores its value in a local declared outside it.
        /// </summary>
        private static bool DataSurvives(IInvocationOperation lookup, ITryOperation @try)
        {
            if (Calls.IsDiscarded(lookup))
            {
                return false;
            }

            if (!Calls.IsWithin(lookup, @try))
            {
                return true; // looked up before the try, or used after it
            }

            if (!Calls.IsWithin(lookup, @try.Body))
            {
                return false; // a lookup in the handler is other data, with its own duty (CASE010)
            }

            IOperation current = lookup;
            while (current.Parent is IAwaitOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                && assignment.Value == current
                && !IsDeclaredWithin(target.Local, @try);
        }

        private static bool IsDeclaredWithin(ILocalSymbol local, ITryOperation @try)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (@try.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
