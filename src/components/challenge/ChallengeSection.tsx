/** The coding challenge: write a sliding-window rate limiter and grade it in a sandboxed worker. */
export function ChallengeSection() {
  return (
    <section className="challenge" aria-labelledby="challenge-heading">
      <h2 id="challenge-heading">Coding challenge</h2>
      <p>Write your own sliding-window rate limiter. The editor and tests are loading.</p>
    </section>
  );
}
