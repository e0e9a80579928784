// Growing the index's typed arrays: a larger array (half as large again, or what is needed) with
// the old values copied to its start; the array itself when it is already large enough.
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array

/** `make(length)` creates the larger array (filled with what new slots should hold). */
export function grown<T extends Typed>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array
  const next = make(Math.max(needed, Math.ceil(array.length * 1.5)))
  next.set(array)
  return next
}
