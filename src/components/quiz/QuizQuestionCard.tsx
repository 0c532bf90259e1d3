import { useState, type FormEvent } from 'react';
import { isCorrect, type QuizQuestion } from '../../content/quiz';
import { useAppStore } from '../../store';
import { choiceFeedback } from './choiceFeedback';
import type { QuizBasis } from './quizItems';

/** One question: a fieldset of radios or checkboxes, a check button, feedback in words. */
export function QuizQuestionCard({
  question,
  basis,
  number,
}: {
  question: QuizQuestion;
  /** For a generated question: the settings and routes it was built from, saved with the answer. */
  basis: QuizBasis | null;
  number: number;
}) {
  const saved = useAppStore((s) => s.quizAnswers[question.id]);
  const settings = useAppStore((s) => s.settings);
  const keptOlderSettings =
    basis !== null && JSON.stringify(basis.settings) !== JSON.stringify(settings);
  const [choice, setChoice] = useState<readonly string[]>(saved?.choice ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  /** Wrong checks in this visit: the feedback says more from the second one on. */
  const [wrongTries, setWrongTries] = useState(0);
  const inputType = question.kind === 'single' ? 'radio' : 'checkbox';
  const name = `quiz-${question.id}`;

  const toggle = (id: string, checked: boolean) => {
    setProblem(null);
    if (question.kind === 'single') setChoice([id]);
    else setChoice((current) => (checked ? [...current, id] : current.filter((c) => c !== id)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice.length === 0) {
      setProblem('Choose an answer first.');
      return;
    }
    const correct = isCorrect(question, choice);
    if (!correct) setWrongTries((tries) => tries + 1);
    useAppStore
      .getState()
      .answerQuiz(question.id, { choice, correct, ...(basis === null ? {} : { basis }) });
  };

  // Judged against the question as it is now (see quizScore), not the verdict saved with it.
  const savedCorrect = saved === undefined ? null : isCorrect(question, saved.choice);
  const whatIsWrong =
    saved === undefined || savedCorrect === true
      ? null
      : choiceFeedback(question, saved.choice, wrongTries);

  return (
    <form className="quiz-question" onSubmit={submit} data-question={question.id}>
      <fieldset>
        <legend>
          {number}. {question.prompt}
          {question.kind === 'multiple' && (
            <span className="quiz-question__kind"> (tick all that apply)</span>
          )}
        </legend>
        {question.options.map((option) => (
          <label key={option.id} className="quiz-option">
            <input
              type={inputType}
              name={name}
              value={option.id}
              checked={choice.includes(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            {option.text}
          </label>
        ))}
      </fieldset>
      {keptOlderSettings && (
        <p className="quiz-question__kept">
          You answered this with the settings named above, so it keeps them. “Retry the quiz” asks
          it again for the current settings.
        </p>
      )}
      <button type="submit">{saved === undefined ? 'Check answer' : 'Check again'}</button>
      <div className="quiz-feedback" aria-live="polite">
        {problem !== null && <p className="lesson-problem">{problem}</p>}
        {savedCorrect === true && (
          <p className="quiz-feedback--right">
            <strong>✔ Correct.</strong> {question.explanation}
          </p>
        )}
        {savedCorrect === false && (
          <>
            <p className="quiz-feedback--wrong">
              <strong>✘ Not quite.</strong> {whatIsWrong ?? ''} Try again.
            </p>
            {/* The explanation can give the answer away: the learner opens it when they choose. */}
            <details className="quiz-explanation">
              <summary>Show the explanation</summary>
              {question.explanation}
            </details>
          </>
        )}
      </div>
    </form>
  );
}
