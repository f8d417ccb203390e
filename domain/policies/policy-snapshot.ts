/** The policy a case runs under, as recorded on the case (name@version and its parameters at filing). */
export interface PolicySnapshot<P> {
  id: string;
  name: string;
  version: number;
  params: P;
}
