import { Term } from './Term';

/** Section 1: the problem a gateway solves, in a few sentences. */
export function WhyItMatters() {
  return (
    <>
      <p>
        Picture a shop built from <Term id="microservices">microservices</Term>: one service for
        users, one for orders, one for payments, one for notifications. If the mobile app had to
        know where each of them lives, every move or split of a service would break it. And if each
        service checked keys, counted requests and wrote logs on its own, four teams would write the
        same code four slightly different ways.
      </p>
      <p>
        An <Term id="gateway">API gateway</Term> puts one door in front of all of them: a{' '}
        <Term id="single-entry-point">single entry point</Term>. Clients talk only to the gateway.
        It checks who is calling (<Term id="authentication">authentication</Term>), makes sure no
        one calls too often (<Term id="rate-limiting">rate limiting</Term>), and passes the request
        to the right service (<Term id="route">routing</Term>). The same door is the natural place
        for other shared jobs such as logging, caching and reshaping requests, so the services can
        stick to their own business. That is why large API companies, from cloud providers to
        payment processors, run one.
      </p>
    </>
  );
}
